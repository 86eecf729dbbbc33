using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IpoctoPayments.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TopUpLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "topup_limit_accounts",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LastReservedAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_topup_limit_accounts", x => x.AccountId);
                });

            migrationBuilder.CreateTable(
                name: "topup_reservations",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AmountMinorUnits = table.Column<long>(type: "INTEGER", nullable: false),
                    ReservedAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_topup_reservations", x => x.OrderId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_topup_reservations_AccountId_ReservedAtUnixMs",
                table: "topup_reservations",
                columns: new[] { "AccountId", "ReservedAtUnixMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "topup_limit_accounts");

            migrationBuilder.DropTable(
                name: "topup_reservations");
        }
    }
}

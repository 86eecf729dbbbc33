using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IpoctoPayments.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DisputeAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dispute_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DisputeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Action = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    OrderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DueAtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    LeasedUntilUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    FailedAttempts = table.Column<int>(type: "int", nullable: false),
                    LastFailure = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CreatedAtUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispute_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "topup_disputes",
                columns: table => new
                {
                    DisputeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProviderDisputeId = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_topup_disputes", x => x.DisputeId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dispute_outbox_DueAtUnixMs",
                table: "dispute_outbox",
                column: "DueAtUnixMs");

            migrationBuilder.CreateIndex(
                name: "IX_topup_disputes_OrderId",
                table: "topup_disputes",
                column: "OrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dispute_outbox");

            migrationBuilder.DropTable(
                name: "topup_disputes");
        }
    }
}

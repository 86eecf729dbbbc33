using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IpoctoPayments.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class OpenRefundsForReconciliation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OpenRefunds",
                table: "topup_orders",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_topup_orders_Status_CreatedAtUnixMs",
                table: "topup_orders",
                columns: new[] { "Status", "CreatedAtUnixMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_topup_orders_Status_CreatedAtUnixMs",
                table: "topup_orders");

            migrationBuilder.DropColumn(
                name: "OpenRefunds",
                table: "topup_orders");
        }
    }
}

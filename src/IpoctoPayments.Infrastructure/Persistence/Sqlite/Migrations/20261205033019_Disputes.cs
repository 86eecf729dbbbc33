using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IpoctoPayments.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Disputes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_customer_balances_not_negative",
                table: "customer_balances");

            migrationBuilder.RenameColumn(
                name: "RefundId",
                table: "ledger_postings",
                newName: "PartId");

            migrationBuilder.AddColumn<int>(
                name: "OpenDisputes",
                table: "topup_orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "DisputedMinorUnits",
                table: "customer_balances",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_topup_orders_OpenDisputes",
                table: "topup_orders",
                column: "OpenDisputes");

            migrationBuilder.CreateIndex(
                name: "IX_topup_orders_PaymentIntentId",
                table: "topup_orders",
                column: "PaymentIntentId");

            migrationBuilder.AddCheckConstraint(
                name: "ck_customer_balances_disputed_not_negative",
                table: "customer_balances",
                sql: "\"DisputedMinorUnits\" >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_customer_balances_not_negative",
                table: "customer_balances",
                sql: "\"MinorUnits\" + \"DisputedMinorUnits\" >= 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_topup_orders_OpenDisputes",
                table: "topup_orders");

            migrationBuilder.DropIndex(
                name: "IX_topup_orders_PaymentIntentId",
                table: "topup_orders");

            migrationBuilder.DropCheckConstraint(
                name: "ck_customer_balances_disputed_not_negative",
                table: "customer_balances");

            migrationBuilder.DropCheckConstraint(
                name: "ck_customer_balances_not_negative",
                table: "customer_balances");

            migrationBuilder.DropColumn(
                name: "OpenDisputes",
                table: "topup_orders");

            migrationBuilder.DropColumn(
                name: "DisputedMinorUnits",
                table: "customer_balances");

            migrationBuilder.RenameColumn(
                name: "PartId",
                table: "ledger_postings",
                newName: "RefundId");

            migrationBuilder.AddCheckConstraint(
                name: "ck_customer_balances_not_negative",
                table: "customer_balances",
                sql: "\"MinorUnits\" >= 0");
        }
    }
}

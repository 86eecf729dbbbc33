using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IpoctoPayments.Infrastructure.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AtomicBalancesAndRefundOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "OrderId",
                table: "ledger_postings",
                newName: "SubjectId");

            migrationBuilder.AddColumn<Guid>(
                name: "Id",
                table: "ledger_postings",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "ledger_postings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PostingId",
                table: "ledger_entries",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Entries now point at their posting by an id the service gives; existing rows get one made from their sequence.
            migrationBuilder.Sql("UPDATE ledger_postings SET \"Id\" = ('ffffffff-ffff-ffff-ffff-' || lpad(\"Sequence\"::text, 12, '0'))::uuid;");
            migrationBuilder.Sql("UPDATE ledger_entries SET \"PostingId\" = ('ffffffff-ffff-ffff-ffff-' || lpad(\"PostingSequence\"::text, 12, '0'))::uuid;");

            migrationBuilder.AddUniqueConstraint(
                name: "AK_ledger_postings_Id",
                table: "ledger_postings",
                column: "Id");

            migrationBuilder.DropForeignKey(
                name: "FK_ledger_entries_ledger_postings_PostingSequence",
                table: "ledger_entries");

            migrationBuilder.DropIndex(
                name: "IX_ledger_entries_PostingSequence",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "PostingSequence",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "customer_balances");

            migrationBuilder.CreateTable(
                name: "refund_outbox",
                columns: table => new
                {
                    RefundId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueAtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    LeasedUntilUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    FailedAttempts = table.Column<int>(type: "integer", nullable: false),
                    LastFailure = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAtUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_refund_outbox", x => x.RefundId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_PostingId",
                table: "ledger_entries",
                column: "PostingId");

            migrationBuilder.CreateIndex(
                name: "IX_refund_outbox_DueAtUnixMs",
                table: "refund_outbox",
                column: "DueAtUnixMs");

            migrationBuilder.AddForeignKey(
                name: "FK_ledger_entries_ledger_postings_PostingId",
                table: "ledger_entries",
                column: "PostingId",
                principalTable: "ledger_postings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ledger_entries_ledger_postings_PostingId",
                table: "ledger_entries");

            migrationBuilder.DropTable(
                name: "refund_outbox");

            migrationBuilder.DropUniqueConstraint(
                name: "AK_ledger_postings_Id",
                table: "ledger_postings");

            migrationBuilder.DropIndex(
                name: "IX_ledger_entries_PostingId",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "ledger_postings");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "ledger_postings");

            migrationBuilder.DropColumn(
                name: "PostingId",
                table: "ledger_entries");

            migrationBuilder.RenameColumn(
                name: "SubjectId",
                table: "ledger_postings",
                newName: "OrderId");

            migrationBuilder.AddColumn<long>(
                name: "PostingSequence",
                table: "ledger_entries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "customer_balances",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_PostingSequence",
                table: "ledger_entries",
                column: "PostingSequence");

            migrationBuilder.AddForeignKey(
                name: "FK_ledger_entries_ledger_postings_PostingSequence",
                table: "ledger_entries",
                column: "PostingSequence",
                principalTable: "ledger_postings",
                principalColumn: "Sequence",
                onDelete: ReferentialAction.Cascade);
        }
    }
}

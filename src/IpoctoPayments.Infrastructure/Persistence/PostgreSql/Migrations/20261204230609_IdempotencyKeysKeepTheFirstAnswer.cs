using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IpoctoPayments.Infrastructure.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class IdempotencyKeysKeepTheFirstAnswer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Keys recorded before kept no answer: they start expired (ExpiresAtUnixMs 0), and a retry with one finds what
            // it created by the id the key names.
            migrationBuilder.DropColumn(
                name: "ResourceId",
                table: "idempotency_keys");

            migrationBuilder.AlterColumn<string>(
                name: "Operation",
                table: "idempotency_keys",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32);

            migrationBuilder.AddColumn<string>(
                name: "ClaimToken",
                table: "idempotency_keys",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "ExpiresAtUnixMs",
                table: "idempotency_keys",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "LockedUntilUnixMs",
                table: "idempotency_keys",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Response",
                table: "idempotency_keys",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_idempotency_keys_ExpiresAtUnixMs",
                table: "idempotency_keys",
                column: "ExpiresAtUnixMs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_idempotency_keys_ExpiresAtUnixMs",
                table: "idempotency_keys");

            migrationBuilder.DropColumn(
                name: "ClaimToken",
                table: "idempotency_keys");

            migrationBuilder.DropColumn(
                name: "ExpiresAtUnixMs",
                table: "idempotency_keys");

            migrationBuilder.DropColumn(
                name: "LockedUntilUnixMs",
                table: "idempotency_keys");

            migrationBuilder.DropColumn(
                name: "Response",
                table: "idempotency_keys");

            migrationBuilder.AlterColumn<string>(
                name: "Operation",
                table: "idempotency_keys",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.AddColumn<Guid>(
                name: "ResourceId",
                table: "idempotency_keys",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));
        }
    }
}

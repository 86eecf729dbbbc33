using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IpoctoPayments.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RateLimitWindowsSharedByInstances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rate_limit_windows",
                columns: table => new
                {
                    Key = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    WindowStartUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Taken = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rate_limit_windows", x => x.Key);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rate_limit_windows");
        }
    }
}

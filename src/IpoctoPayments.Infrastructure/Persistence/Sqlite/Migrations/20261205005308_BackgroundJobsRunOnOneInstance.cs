using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IpoctoPayments.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BackgroundJobsRunOnOneInstance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "job_leases",
                columns: table => new
                {
                    Job = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    LeaseUntilUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_leases", x => x.Job);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_leases");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IpoctoPayments.Infrastructure.Persistence.PostgreSql.Migrations
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
                    Job = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Holder = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    LeaseUntilUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    DueAtUnixMs = table.Column<long>(type: "bigint", nullable: false)
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

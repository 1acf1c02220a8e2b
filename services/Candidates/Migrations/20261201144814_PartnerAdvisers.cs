using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nege.Candidates.Migrations
{
    /// <inheritdoc />
    public partial class PartnerAdvisers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "adviser_email",
                table: "dossier_partners",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "adviser_name",
                table: "dossier_partners",
                type: "character varying(250)",
                maxLength: 250,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "adviser_email",
                table: "dossier_partners");

            migrationBuilder.DropColumn(
                name: "adviser_name",
                table: "dossier_partners");
        }
    }
}

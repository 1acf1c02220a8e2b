using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nege.Notifications.Migrations
{
    /// <inheritdoc />
    public partial class ContactReplyTo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reply_to",
                table: "email_deliveries",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reply_to_name",
                table: "email_deliveries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "reply_to",
                table: "email_deliveries");

            migrationBuilder.DropColumn(
                name: "reply_to_name",
                table: "email_deliveries");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nege.Directory.Migrations
{
    /// <inheritdoc />
    public partial class ContactMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contact_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sender_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sender_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    subject = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    message = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sent_on = table.Column<DateOnly>(type: "date", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    client_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    cv_file_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    cv_content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    cv = table.Column<byte[]>(type: "bytea", nullable: true),
                    cv_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    download_token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact_messages", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_contact_messages_client_address_sent_at",
                table: "contact_messages",
                columns: new[] { "client_address", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "IX_contact_messages_organisation_id_sender_email_content_hash_~",
                table: "contact_messages",
                columns: new[] { "organisation_id", "sender_email", "content_hash", "sent_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contact_messages_organisation_id_sent_at",
                table: "contact_messages",
                columns: new[] { "organisation_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "IX_contact_messages_sender_email_sent_at",
                table: "contact_messages",
                columns: new[] { "sender_email", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "IX_contact_messages_sent_at",
                table: "contact_messages",
                column: "sent_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contact_messages");
        }
    }
}

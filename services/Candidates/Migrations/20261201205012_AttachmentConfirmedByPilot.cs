using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nege.Candidates.Migrations
{
    /// <inheritdoc />
    public partial class AttachmentConfirmedByPilot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "pilot_asked_at",
                table: "candidate_attachments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pilot_message",
                table: "candidate_attachments",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "requester_email",
                table: "candidate_attachments",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "requester_name",
                table: "candidate_attachments",
                type: "character varying(250)",
                maxLength: 250,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "pilot_asked_at",
                table: "candidate_attachments");

            migrationBuilder.DropColumn(
                name: "pilot_message",
                table: "candidate_attachments");

            migrationBuilder.DropColumn(
                name: "requester_email",
                table: "candidate_attachments");

            migrationBuilder.DropColumn(
                name: "requester_name",
                table: "candidate_attachments");
        }
    }
}

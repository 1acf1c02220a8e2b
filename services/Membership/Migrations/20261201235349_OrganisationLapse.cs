using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nege.Membership.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationLapse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "lapsed_at",
                table: "organisations",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "lapsed_at",
                table: "organisations");
        }
    }
}

using System.Text;
using Microsoft.AspNetCore.Http;
using Nege.ServiceDefaults.Http;

namespace ServiceDefaults.Tests;

public sealed class BodyAndValidationTests
{
    public sealed record Sample(string? Name, int? Count, bool? Flag);

    [Theory]
    [InlineData("""{"name":"a","count":1,"flag":true}""", null, null)]
    [InlineData("""{"Name":"a"}""", null, null)]
    [InlineData("""{"name":"a","other":1}""", "other", "Ce champ n'est pas attendu.")]
    [InlineData("""{"name":"a","count":"un"}""", "count", "La valeur n'a pas le type attendu.")]
    [InlineData("""{"name":"a","flag":1}""", "flag", "La valeur n'a pas le type attendu.")]
    [InlineData("""{"name":"a","COUNT":"x"}""", "count", "La valeur n'a pas le type attendu.")]
    [InlineData("""{"name":""", "", "Le corps de la requête n'est pas un JSON valide.")]
    [InlineData("""["a"]""", "", "Le corps de la requête doit être un objet JSON.")]
    [InlineData("""null""", "", "Le corps de la requête doit être un objet JSON.")]
    public async Task A_json_body_is_read_strictly_with_a_French_message_per_field(string json, string? field, string? message)
    {
        var result = await JsonBody.ReadAsync<Sample>(Request(json, "application/json"), CancellationToken.None);

        var errors = result.Errors.ToDictionary();
        if (field is null)
        {
            Assert.Empty(errors);
            Assert.Equal("a", result.Value!.Name);
        }
        else
        {
            Assert.Equal(message, Assert.Single(errors[field]));
        }
    }

    [Fact]
    public async Task Unknown_fields_are_reported_and_the_known_ones_still_read()
    {
        var result = await JsonBody.ReadAsync<Sample>(Request("""{"name":"a","x":1,"y":2}""", "application/json"), CancellationToken.None);

        Assert.Equal("a", result.Value!.Name);
        Assert.Equal(["x", "y"], result.Errors.ToDictionary().Keys.Order());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused()
    {
        var result = await JsonBody.ReadAsync<Sample>(Request("name=a", "text/plain"), CancellationToken.None);

        Assert.Null(result.Value);
        Assert.Contains("JSON", Assert.Single(result.Errors.ToDictionary()[""]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rh@entreprise.fr", true)]
    [InlineData("prenom.nom+tag@sous.domaine.example", true)]
    [InlineData("o'brien@exemple.fr", true)]
    [InlineData("sans-arobase.fr", false)]
    [InlineData("a@b", false)]
    [InlineData("a@.fr", false)]
    [InlineData("a@b.fr.", false)]
    [InlineData("a b@c.fr", false)]
    [InlineData("Nom <a@b.fr>", false)]
    [InlineData("a@b.fr, c@d.fr", false)]
    [InlineData("@b.fr", false)]
    [InlineData("a.@b.fr", false)]
    [InlineData(".a@b.fr", false)]
    [InlineData("a@[127.0.0.1]", false)]
    [InlineData("a@-b.fr", false)]
    [InlineData("a@b_c.fr", false)]
    [InlineData("a@b.fr\u200B", false)]
    [InlineData("a@1.2.3.4", false)]
    [InlineData("contact@numérique-grandest.fr", true)]
    public void Email_addresses_are_single_plain_addresses(string address, bool valid) =>
        Assert.Equal(valid, EmailAddress.IsValid(address));

    [Fact]
    public void Validation_errors_merge_per_field_and_become_a_problem()
    {
        var errors = ValidationErrors.Single("a", "un").Merge(new ValidationErrors().Add("a", "deux").Add("b", "trois"));

        Assert.Equal(["un", "deux"], errors.ToDictionary()["a"]);
        Assert.Equal(StatusCodes.Status400BadRequest, errors.ToProblem().StatusCode);
        Assert.Equal("Certaines informations sont invalides.", errors.ToProblem().ProblemDetails.Title);
        Assert.Equal(["un", "deux", "un", "deux"], errors.Merge(errors).ToDictionary()["a"]);
        Assert.True(new ValidationErrors().AddIf(false, "a", "x").IsEmpty);
    }

    private static HttpRequest Request(string body, string contentType)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context.Request;
    }
}

public sealed class BindingFailureTests
{
    [Theory]
    [InlineData("""Failed to bind parameter "int? page" from "abc".""", "page", "La valeur « abc » n'est pas valable (attendu : un nombre entier).")]
    [InlineData("""Failed to bind parameter "Nullable<int> page" from "32/13".""", "page", "La valeur « 32/13 » n'est pas valable (attendu : un nombre entier).")]
    [InlineData("""Failed to bind parameter "DateOnly? From" from "hier".""", "from", "La valeur « hier » n'est pas valable (attendu : une date au format AAAA-MM-JJ).")]
    [InlineData("""Failed to bind parameter "bool? inactive" from "oui".""", "inactive", "La valeur « oui » n'est pas valable (attendu : « true » ou « false »).")]
    [InlineData("""Required parameter "string q" was not provided from query string.""", "q", "Ce paramètre est obligatoire (attendu : une valeur valable).")]
    [InlineData("""Failed to read parameter "Sample body" from the request body as JSON.""", "", "Le corps de la requête n'est pas un JSON valide, ou un champ n'a pas le type attendu.")]
    public void A_binding_failure_names_its_parameter_and_what_was_expected(string failure, string field, string message) =>
        Assert.Equal((field, message), BindingFailures.Describe(new BadHttpRequestException(failure)));

    [Fact]
    public void Other_bad_requests_are_left_as_they_are() =>
        Assert.Null(BindingFailures.Describe(new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge)));
}

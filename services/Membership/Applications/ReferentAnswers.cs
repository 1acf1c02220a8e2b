using Nege.Membership.Accounts;
using Nege.Membership.Images;
using Nege.ServiceDefaults.Http;

using Nege.Contracts.Api.Membership;

namespace Nege.Membership.Applications;

/// <summary>Part 1's answers about the referent: checked, then taken by the referent's account.</summary>
public static class ReferentAnswers
{
    /// <summary>Identity, contact details and photo checked.</summary>
    public static (ContactDetails Contact, StoredImage? Photo) Validate(ValidationErrors errors, IReferentAnswers input, DateTimeOffset now)
    {
        AccountRules.ValidateIdentity(errors, input.Civility, input.LastName, input.FirstName, input.Function);
        var contact = ApplicationForm.ValidateContact(errors, input.MobilePhone, input.LandlinePhone, input.Workplace, input.NotificationCategories);
        var photo = input.Photo is { Length: > 0 } ? UploadedImage.Accept(input.Photo, ImageLimits.Photo, "photo", errors, now) : null;
        return (contact, photo);
    }

    /// <summary>An existing account takes part 1's answers; a new photo replaces the old one.</summary>
    public static async Task TakeAsync(
        MembershipDbContext db, Account account, IReferentAnswers input, ContactDetails contact, StoredImage? photo, CancellationToken cancellationToken)
    {
        account.Civility = input.Civility!.Trim();
        account.LastName = input.LastName!.Trim();
        account.FirstName = input.FirstName!.Trim();
        account.Function = string.IsNullOrWhiteSpace(input.Function) ? null : input.Function.Trim();
        if (photo is not null)
        {
            await StoredImages.DeleteAsync(db, account.PhotoImageId, cancellationToken);
        }

        TakeContact(db, account, contact, photo);
    }

    /// <summary>The contact details and the photo, on a new account or an existing one.</summary>
    public static void TakeContact(MembershipDbContext db, Account account, ContactDetails contact, StoredImage? photo)
    {
        account.MobilePhone = contact.MobilePhone;
        account.LandlinePhone = contact.LandlinePhone;
        account.Workplace = contact.Workplace;
        account.NotificationCategories = contact.NotificationCategories;
        if (photo is not null)
        {
            db.Images.Add(photo);
            account.PhotoImageId = photo.Id;
        }
    }
}

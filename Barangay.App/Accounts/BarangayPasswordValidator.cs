using Barangay.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Barangay.App.Accounts;

/// <summary>Identity's check for every password set through it (reset, change, admin): the one <see cref="PasswordPolicy"/>.</summary>
public sealed class BarangayPasswordValidator : IPasswordValidator<User>
{
    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        var problem = PasswordPolicy.Check(password, user.UserName, user.Email);
        return Task.FromResult(problem is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordPolicy", Description = problem }));
    }
}

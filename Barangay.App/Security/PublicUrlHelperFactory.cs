using Barangay.Data.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;

namespace Barangay.App.Security;

/// <summary>
/// MVC's URL helper, except that an absolute URL (one asked for with a protocol or a host, as the stock Identity
/// pages do for the reset and confirmation links they email) is the app's path on <see cref="PublicLinks"/>:
/// the request's Host and scheme never reach a link.
/// </summary>
public sealed class PublicUrlHelperFactory : IUrlHelperFactory
{
    private readonly UrlHelperFactory _inner = new();

    public IUrlHelper GetUrlHelper(ActionContext context) => new PublicUrlHelper(_inner.GetUrlHelper(context));

    private sealed class PublicUrlHelper(IUrlHelper inner) : IUrlHelper
    {
        public ActionContext ActionContext => inner.ActionContext;

        public string? Action(UrlActionContext c) =>
            c.Protocol is null && c.Host is null
                ? inner.Action(c)
                : Absolute(inner.Action(new UrlActionContext { Action = c.Action, Controller = c.Controller, Values = c.Values, Fragment = c.Fragment }));

        public string? RouteUrl(UrlRouteContext c) =>
            c.Protocol is null && c.Host is null
                ? inner.RouteUrl(c)
                : Absolute(inner.RouteUrl(new UrlRouteContext { RouteName = c.RouteName, Values = c.Values, Fragment = c.Fragment }));

        public string? Link(string? routeName, object? values) =>
            Absolute(inner.RouteUrl(new UrlRouteContext { RouteName = routeName, Values = values }));

        [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(contentPath))]
        public string? Content(string? contentPath) => inner.Content(contentPath);

        public bool IsLocalUrl([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? url) => inner.IsLocalUrl(url);

        private string? Absolute(string? path)
        {
            if (path is null) return null;
            // The generated path starts with the request's PathBase; PublicBaseUrl carries the public one.
            var pathBase = ActionContext.HttpContext.Request.PathBase;
            if (pathBase.HasValue && path.StartsWith(pathBase.Value!, StringComparison.OrdinalIgnoreCase)) path = path[pathBase.Value!.Length..];
            // Resolved per use, not when MVC builds its services: one-shot commands build the app without an address.
            return ActionContext.HttpContext.RequestServices.GetRequiredService<PublicLinks>().To(path);
        }
    }
}

using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestFramework("Barangay.Tests.Infrastructure.ChromiumSkipFramework", "Barangay.Tests")]

namespace Barangay.Tests.Infrastructure;

/// <summary>
/// xunit's own framework, except that when Chromium is missing every test of the EndToEnd category is reported
/// skipped with the reason, instead of being filtered out by ./test.sh and vanishing from the count (issue 20).
/// </summary>
public sealed class ChromiumSkipFramework(IMessageSink diagnosticMessageSink) : XunitTestFramework(diagnosticMessageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assembly, ISourceInformationProvider source, IMessageSink sink)
        : XunitTestFrameworkDiscoverer(assembly, source, sink)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus,
            ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (Chromium.Installed || !IsEndToEnd(testMethod)) return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            if (testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).FirstOrDefault() is null) return true;
            var testCase = new ChromiumMissingTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
            return ReportDiscoveredTestCase(testCase, includeSourceInformation, messageBus);
        }

        private static bool IsEndToEnd(ITestMethod testMethod) =>
            testMethod.TestClass.Class.GetCustomAttributes(typeof(Xunit.TraitAttribute))
                .Concat(testMethod.Method.GetCustomAttributes(typeof(Xunit.TraitAttribute)))
                .Any(t => t.GetConstructorArguments().ToArray() is ["Category", "EndToEnd"]);
    }
}

/// <summary>An end-to-end test left out because there is no browser to drive: skipped, with the reason, and counted.</summary>
public sealed class ChromiumMissingTestCase : XunitTestCase
{
    [Obsolete("For deserialization only.")]
    public ChromiumMissingTestCase()
    {
    }

    public ChromiumMissingTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(sink, display, options, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        $"Chromium is not installed at {Chromium.Path} (sudo apt-get install chromium, or set BARANGAY_CHROMIUM)";
}

/// <summary>The browser the end-to-end tests drive: Debian's Chromium, or BARANGAY_CHROMIUM.</summary>
public static class Chromium
{
    public static string Path => Environment.GetEnvironmentVariable("BARANGAY_CHROMIUM") ?? "/usr/bin/chromium";

    public static bool Installed => File.Exists(Path);
}

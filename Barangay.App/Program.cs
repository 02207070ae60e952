using Barangay.App.Hosting;

// `Barangay.App migrate` and `Barangay.App seed-demo` are one-shot commands, `Barangay.App worker` runs the
// Hangfire server alone (no web UI); anything else serves the app.
return await AppCommands.RunAsync(args);

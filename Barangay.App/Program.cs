using Barangay.App.Hosting;

// `Barangay.App migrate`, `seed-demo` and `create-admin` are one-shot commands, `Barangay.App worker` runs the
// Hangfire server alone (no web UI); anything else serves the app.
return await AppCommands.RunAsync(args);

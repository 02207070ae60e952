using Barangay.App.Hosting;

// `Barangay.App migrate` and `Barangay.App seed-demo` are one-shot commands; anything else serves the app.
return await AppCommands.RunAsync(args);

// Each browser test class starts its own app and Chromium pages; on a 2-core CI machine running them all at once makes
// Blazor circuits and SignalR answers slow enough to flake. One class at a time: steadier, and still about a minute.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

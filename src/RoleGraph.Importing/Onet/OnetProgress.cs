namespace RoleGraph.Importing.Onet;

/// <summary>
/// How far <see cref="OnetReader"/> is: <paramref name="Done"/> of <paramref name="Total"/> data rows (header not
/// counted) of the file named by <paramref name="Stage"/>, such as <c>Task Statements.txt</c>. Each file reports
/// (stage, 0, total) when it starts, then every few thousand rows, and (stage, total, total) when it is done.
/// </summary>
public sealed record OnetProgress(string Stage, int Done, int Total);

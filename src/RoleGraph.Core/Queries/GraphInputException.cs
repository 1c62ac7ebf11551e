namespace RoleGraph.Core.Queries;

/// <summary>
/// The caller asked for something the graph cannot answer as asked: an unknown id in an operation that needs
/// it, an argument out of its range. The API reports it as BAD_USER_INPUT with the argument it names.
/// </summary>
public sealed class GraphInputException(string message, string? argument = null, object? value = null) : Exception(message)
{
    public string? Argument { get; } = argument;

    public object? Value { get; } = value;

    public static GraphInputException UnknownId(string argument, string id) =>
        new($"No node has the id '{id}' (argument '{argument}').", argument, id);

    public static GraphInputException WrongKind(string argument, string id, string expected, string actual) =>
        new($"The node '{id}' (argument '{argument}') is a {actual}, not a {expected}.", argument, id);

    public static GraphInputException OutOfRange(string argument, object value, int min, int max) =>
        new($"Argument '{argument}' must be between {min} and {max}; got {value}.", argument, value);
}

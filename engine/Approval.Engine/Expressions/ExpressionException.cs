namespace Approval.Engine.Expressions;

/// <summary>An expression failed to parse or to evaluate; the message says where and why.</summary>
public sealed class ExpressionException(string message, Exception? inner = null) : Exception(message, inner);

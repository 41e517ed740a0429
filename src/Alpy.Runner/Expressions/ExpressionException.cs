using System;

namespace Alpy.Runner.Expressions;

/// <summary>A step expression that cannot be compiled; the message says where and why.</summary>
internal class ExpressionException : Exception
{
    public ExpressionException(string message)
        : base(message)
    {
    }
}

/// <summary>A Cucumber Expression names a parameter type that nobody defined.</summary>
internal sealed class UndefinedParameterTypeException : ExpressionException
{
    public UndefinedParameterTypeException(string expression, string parameterTypeName)
        : base($"The expression \"{expression}\" uses the parameter type {{{parameterTypeName}}}, which is not defined. " +
               $"Use a built-in type ({{int}}, {{float}}, {{word}}, {{string}}, {{}} ...), an enum's name, or define it with " +
               $"[StepArgumentTransformation(regex, Name = \"{parameterTypeName}\")].")
    {
        ParameterTypeName = parameterTypeName;
    }

    public string ParameterTypeName { get; }
}

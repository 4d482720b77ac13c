namespace LiveGrains.Contracts.Events;

/// <summary>Rules for amounts and currencies shared by every money-carrying payload.</summary>
public static class Money
{
    /// <summary>Returns an error unless <paramref name="currency"/> is a three-letter upper-case ISO 4217 code.</summary>
    public static string? ValidateCurrency(string? currency) =>
        currency is { Length: 3 } && currency.All(char.IsAsciiLetterUpper)
            ? null
            : $"data.currency must be a three-letter ISO 4217 code such as USD (got '{currency}')";
}

using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LiveGrains.Contracts.Json;

namespace LiveGrains.Contracts.Events;

/// <summary>
/// Reads an event payload in one pass when it is plainly well formed: each of its record's fields once, under its exact
/// wire name, with a value of exactly its kind, and nothing else. For anything else (a field missing, repeated or
/// unknown, a null, a name in other case, a number where a name is expected) it gives up and System.Text.Json reads the
/// payload, which decides those cases and words their errors. What this reader accepts, the serializer reads to an equal
/// record: field names, enum names and the constructor come from the serializer's own metadata for
/// <see cref="LiveJson.Options"/>. Every payload HTTP ingest receives goes through it first: with the serializer's
/// general path (which also scans a payload twice before reading it) an event of the standard workload took 1.7 µs to
/// parse on one core, with this reader about 0.8 µs (<c>scripts/bench.sh json</c>).
/// </summary>
internal static class PayloadReader
{
    private const int MaxFields = 16;

    private static readonly ConcurrentDictionary<Type, PayloadShape?> Shapes = new();

    // Reading never awaits, so a thread can reuse one set of slots.
    [ThreadStatic] private static PayloadSlots? t_slots;

    /// <summary>
    /// Reads the payload object <paramref name="reader"/> stands on as a <paramref name="type"/> and leaves the reader on
    /// its last token; false leaves the reader where it was. Throws <see cref="JsonException"/> only for JSON that is not
    /// well formed.
    /// </summary>
    public static bool TryRead(ref Utf8JsonReader reader, Type type, [NotNullWhen(true)] out LiveEventData? payload)
    {
        payload = null;
        if (reader.TokenType != JsonTokenType.StartObject || Shapes.GetOrAdd(type, PayloadShape.Of) is not { } shape) return false;
        var fields = shape.Fields;
        var slots = t_slots ??= new PayloadSlots();
        var copy = reader;
        try
        {
            var seen = 0;
            var next = 0;
            while (copy.Read() && copy.TokenType == JsonTokenType.PropertyName)
            {
                var field = Find(ref copy, fields, next);
                if (field < 0 || (seen & (1 << field)) != 0) return false;
                seen |= 1 << field;
                next = field + 1;
                copy.Read();
                if (!fields[field].TryRead(ref copy, slots, field)) return false;
            }
            if (seen != (1 << fields.Length) - 1) return false;
            payload = shape.Construct(slots);
            reader = copy;
            return true;
        }
        catch (InvalidOperationException)
        {
            // Text that is not valid UTF-8: the reader checks it only when a string is taken out. The serializer turns it
            // into an error that names the field.
            return false;
        }
        finally
        {
            Array.Clear(slots.Texts, 0, fields.Length);
        }
    }

    // Fields mostly come in declaration order, so the search starts where the last one matched.
    private static int Find(ref Utf8JsonReader reader, PayloadField[] fields, int start)
    {
        for (var k = 0; k < fields.Length; k++)
        {
            var i = (start + k) % fields.Length;
            if (reader.ValueTextEquals(fields[i].Name)) return i;
        }
        return -1;
    }

    // A field's value goes to the slot of its position in the array of its kind, so that no value is boxed.
    private sealed class PayloadSlots
    {
        public readonly string?[] Texts = new string?[MaxFields];
        public readonly long[] Numbers = new long[MaxFields];
        public readonly decimal[] Decimals = new decimal[MaxFields];
    }

    private sealed record PayloadShape(PayloadField[] Fields, Func<PayloadSlots, LiveEventData> Construct)
    {
        // Null when the serializer would do something for this type that the one-pass reader does not (a custom converter,
        // a settable member outside the constructor, a field of another kind): the serializer then reads every payload of it.
        public static PayloadShape? Of(Type type)
        {
            var info = LiveJson.Options.GetTypeInfo(type);
            if (info.Kind != JsonTypeInfoKind.Object || info.ConstructorAttributeProvider is not ConstructorInfo constructor) return null;
            var fields = new PayloadField?[constructor.GetParameters().Length];
            if (fields.Length is 0 or > MaxFields) return null;
            foreach (var property in info.Properties)
            {
                if (property.AssociatedParameter is not { } parameter)
                {
                    if (property.Set is not null) return null;
                    continue;
                }
                if (property.CustomConverter is not null || property.NumberHandling is not null) return null;
                if (PayloadField.For(property.Name, property.PropertyType) is not { } field) return null;
                fields[parameter.Position] = field;
            }
            return fields.Any(f => f is null) ? null : new PayloadShape(fields!, Constructor(constructor, fields!));
        }

        // The record's constructor called with each argument read from its slot and converted to its parameter's type:
        // compiled once per payload type, instead of an invocation through reflection with boxed arguments per event.
        private static Func<PayloadSlots, LiveEventData> Constructor(ConstructorInfo constructor, PayloadField[] fields)
        {
            var slots = Expression.Parameter(typeof(PayloadSlots), "slots");
            var parameters = constructor.GetParameters();
            var arguments = fields.Select((field, i) =>
            {
                Expression Slot(string array) => Expression.ArrayIndex(Expression.Field(slots, array), Expression.Constant(i));
                var target = parameters[i].ParameterType;
                return field.Kind switch
                {
                    FieldKind.Text => Slot(nameof(PayloadSlots.Texts)),
                    FieldKind.Decimal => Slot(nameof(PayloadSlots.Decimals)),
                    FieldKind.Boolean => Expression.NotEqual(Slot(nameof(PayloadSlots.Numbers)), Expression.Constant(0L)),
                    FieldKind.Enum => Expression.Convert(Expression.Convert(Slot(nameof(PayloadSlots.Numbers)), Enum.GetUnderlyingType(target)), target),
                    _ => Expression.Convert(Slot(nameof(PayloadSlots.Numbers)), target),
                };
            });
            var create = Expression.Convert(Expression.New(constructor, arguments), typeof(LiveEventData));
            return Expression.Lambda<Func<PayloadSlots, LiveEventData>>(create, slots).Compile();
        }
    }

    private enum FieldKind { Text, Int64, Int32, Decimal, Boolean, Enum }

    private sealed record PayloadField(byte[] Name, FieldKind Kind, (byte[] Name, long Value)[] EnumValues)
    {
        public static PayloadField? For(string name, Type type)
        {
            var utf8 = Encoding.UTF8.GetBytes(name);
            if (type.IsEnum)
            {
                var values = Enum.GetValues(type).Cast<object>().Select(v => (Encoding.UTF8.GetBytes(WireNames.Spell(v, type)), Convert.ToInt64(v, CultureInfo.InvariantCulture))).ToArray();
                return new PayloadField(utf8, FieldKind.Enum, values);
            }
            FieldKind? kind = type == typeof(string) ? FieldKind.Text
                : type == typeof(long) ? FieldKind.Int64
                : type == typeof(int) ? FieldKind.Int32
                : type == typeof(decimal) ? FieldKind.Decimal
                : type == typeof(bool) ? FieldKind.Boolean
                : null;
            return kind is { } k ? new PayloadField(utf8, k, []) : null;
        }

        public bool TryRead(ref Utf8JsonReader reader, PayloadSlots slots, int slot)
        {
            switch (Kind)
            {
                case FieldKind.Text when reader.TokenType == JsonTokenType.String:
                    slots.Texts[slot] = reader.GetString();
                    return true;
                case FieldKind.Int64 when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var int64):
                    slots.Numbers[slot] = int64;
                    return true;
                case FieldKind.Int32 when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var int32):
                    slots.Numbers[slot] = int32;
                    return true;
                case FieldKind.Decimal when reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var number):
                    slots.Decimals[slot] = number;
                    return true;
                case FieldKind.Boolean when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                    slots.Numbers[slot] = reader.TokenType == JsonTokenType.True ? 1 : 0;
                    return true;
                case FieldKind.Enum when reader.TokenType == JsonTokenType.String:
                    foreach (var (name, value) in EnumValues)
                    {
                        if (!reader.ValueTextEquals(name)) continue;
                        slots.Numbers[slot] = value;
                        return true;
                    }
                    return false;
                default:
                    return false;
            }
        }
    }
}

namespace Bpm.Workers.Sdk;

public enum ActivityFieldType
{
    String,
    Text,
    Number,
    Boolean,
    Choice,
}

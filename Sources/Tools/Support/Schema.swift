import AutopilotCore

/// Small builders for the JSON Schemas tools declare, so each tool's file reads as its fields.
enum Schema {
    /// An object with these properties; others are refused unless `open`.
    static func object(_ properties: JSONObject, required: [String] = [], open: Bool = false, description: String? = nil) -> JSONValue {
        var schema: JSONObject = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { schema["required"] = .array(required.map(JSONValue.string)) }
        if !open { schema["additionalProperties"] = false }
        if let description { schema["description"] = .string(description) }
        return .object(schema)
    }

    static func string(_ description: String, maxLength: Int? = nil, oneOf options: [String]? = nil) -> JSONValue {
        var schema: JSONObject = ["type": "string", "description": .string(description), "minLength": 1]
        if let maxLength { schema["maxLength"] = .int(Int64(maxLength)) }
        if let options { schema["enum"] = .array(options.map(JSONValue.string)) }
        return .object(schema)
    }

    static func integer(_ description: String, minimum: Int, maximum: Int) -> JSONValue {
        ["type": "integer", "description": .string(description), "minimum": .int(Int64(minimum)), "maximum": .int(Int64(maximum))]
    }

    static func boolean(_ description: String) -> JSONValue {
        ["type": "boolean", "description": .string(description)]
    }

    /// A value of one of these JSON types (`["string", "null"]`).
    static func type(_ names: String...) -> JSONValue {
        names.count == 1 ? ["type": .string(names[0])] : ["type": .array(names.map(JSONValue.string))]
    }

    static func array(of items: JSONValue) -> JSONValue {
        ["type": "array", "items": items]
    }

    /// Any object (its members are described in the tool's description or by the API document).
    static let anyObject: JSONValue = ["type": "object"]
}

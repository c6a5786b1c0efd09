import AutopilotCore
import Foundation
import MCP

extension JSONValue {
    /// An MCP value as Autopilot's JSON (binary data becomes its base-64 text).
    init(mcp value: MCP.Value) {
        switch value {
        case .null: self = .null
        case .bool(let bool): self = .bool(bool)
        case .int(let int): self = .int(Int64(int))
        case .double(let double): self = .double(double)
        case .string(let string): self = .string(string)
        case .data(_, let data): self = .string(data.base64EncodedString())
        case .array(let items): self = .array(items.map(JSONValue.init(mcp:)))
        case .object(let members): self = .object(JSONObject(members.sorted { $0.key < $1.key }.map { ($0.key, JSONValue(mcp: $0.value)) }))
        }
    }
}

extension Value {
    /// Autopilot's JSON as an MCP value.
    init(json value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let bool): self = .bool(bool)
        case .int(let int): self = Int(exactly: int).map(Value.int) ?? .double(Double(int))
        case .double(let double): self = .double(double)
        case .string(let string): self = .string(string)
        case .array(let items): self = .array(items.map(Value.init(json:)))
        case .object(let members):
            var dictionary: [String: Value] = [:]
            for (key, member) in members { dictionary[key] = Value(json: member) }
            self = .object(dictionary)
        }
    }
}

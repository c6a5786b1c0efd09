import AutopilotCore
import Yams

extension MessageTemplate {
    /// The JSON form of the template, as the API returns and accepts it and the store keeps it (`init(jsonObject:)`
    /// reads it back): `name`, `channel`, `purpose`, `description`, `status`, `version`, `generated_by`, and `variants`
    /// from locale to `subject`, `body`, `html`.
    public var jsonObject: JSONObject {
        var variantsObject = JSONObject()
        for variant in variants {
            var fields = JSONObject()
            if let subject = variant.subject { fields["subject"] = .string(subject) }
            fields["body"] = .string(variant.body)
            if let html = variant.html { fields["html"] = .string(html) }
            variantsObject[variant.locale] = .object(fields)
        }
        return [
            "name": .string(name), "channel": .string(channel.rawValue), "purpose": .string(purpose.rawValue),
            "description": .string(description), "status": .string(status.rawValue), "version": .int(Int64(version)),
            "generated_by": .string(generatedBy), "variants": .object(variantsObject),
        ]
    }

    /// The template as a YAML document in the library's format; `MessageTemplate.parse` reads it back unchanged.
    public var encodedYAML: String {
        let node = Self.node(.object(jsonObject))
        return (try? Yams.serialize(node: node, width: -1, allowUnicode: true)) ?? "# cannot be written as YAML\n"
    }

    private static func node(_ value: JSONValue) -> Node {
        switch value {
        case .object(let object):
            return .mapping(Node.Mapping(object.map { (Node.scalar(.init($0.key)), node($0.value)) }))
        case .array(let elements):
            return .sequence(Node.Sequence(elements.map(node)))
        case .string(let text):
            let multiline = text.contains("\n") && !text.contains("\r") && !text.hasSuffix(" ") && !text.contains(" \n")
            return .scalar(.init(text, .implicit, multiline ? .literal : .doubleQuoted))
        case .int, .double, .bool, .null:
            return .scalar(.init(value.jsonString))
        }
    }
}

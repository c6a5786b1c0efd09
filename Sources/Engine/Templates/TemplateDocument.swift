import AutopilotCore
import Flows

/// The template documents the API receives: a whole template (`POST`) or a JSON merge patch (`PATCH`, RFC 7396), read
/// into a `MessageTemplate` or refused with the field and the reason.
enum TemplateDocument {
    /// Fields the API answers with but does not take: ignored when a client sends a template it read back.
    static let readOnlyKeys = ["id", "source", "in_use", "created_at", "updated_at", "version"]

    /// A new template from a whole document; it is always a draft, written by a person unless `generated_by` says otherwise.
    static func template(from document: JSONObject) throws -> MessageTemplate {
        var object = withoutReadOnlyKeys(document)
        if let status = object["status"], status != .string(TemplateStatus.draft.rawValue) {
            throw ValidationError(
                code: "invalid_template", field: "status",
                message: "a new template is always a draft; activate it with POST /v1/templates/{id}/activate")
        }
        object["status"] = nil
        return try parse(object)
    }

    /// The edited template: `patch` merged into `base` (a key set to null removes it, objects merge key by key, anything
    /// else replaces). The name and the channel stay; the status changes only through activate and archive.
    static func template(base: MessageTemplate, patch: JSONObject) throws -> MessageTemplate {
        let patch = withoutReadOnlyKeys(patch)
        if let name = patch["name"], name != .string(base.name) {
            throw ValidationError(
                code: "invalid_template", field: "name", message: "cannot change (\"\(base.name)\"); create a template with the new name instead")
        }
        if let status = patch["status"], status != .string(base.status.rawValue) {
            throw ValidationError(
                code: "invalid_template", field: "status", message: "changes only with POST /v1/templates/{id}/activate or /v1/templates/{id}/archive"
            )
        }
        var object = base.jsonObject
        object["status"] = nil
        object["version"] = nil
        object["generated_by"] = .string("person")
        let merged = merge(object, patch)
        return try parse(merged)
    }

    /// RFC 7396: null removes, objects merge recursively, other values replace.
    static func merge(_ base: JSONObject, _ patch: JSONObject) -> JSONObject {
        var result = base
        for (key, value) in patch {
            switch value {
            case .null:
                result[key] = nil
            case .object(let inner):
                result[key] = .object(merge(result[key]?.objectValue ?? JSONObject(), inner))
            default:
                result[key] = value
            }
        }
        return result
    }

    private static func withoutReadOnlyKeys(_ document: JSONObject) -> JSONObject {
        var object = document
        for key in readOnlyKeys { object[key] = nil }
        return object
    }

    private static func parse(_ object: JSONObject) throws -> MessageTemplate {
        do {
            return try MessageTemplate(jsonObject: object)
        } catch {
            throw error.validationError
        }
    }
}

extension DocumentValidationError {
    /// The API form of a template's problems: the first problem's field, and every problem in the message.
    var validationError: ValidationError {
        guard !issues.isEmpty else { return ValidationError(code: code, field: nil, message: "the template is invalid") }
        return ValidationError(code: code, field: field, message: message)
    }
}

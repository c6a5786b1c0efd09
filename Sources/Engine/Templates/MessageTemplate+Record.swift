import AutopilotCore
import Flows
import Foundation
import Storage

extension MessageTemplate {
    /// The template a stored version holds; its columns (version, status, `generated_by`) win over the document.
    /// Nil when the document is not a valid template (the store only receives validated ones).
    init?(record: TemplateRecord) {
        guard let document = try? JSONParser.parse(record.document), var object = document.objectValue else { return nil }
        object["name"] = .string(record.name)
        object["version"] = .int(Int64(record.version))
        object["status"] = .string(record.status.rawValue)
        object["generated_by"] = .string(record.generatedBy)
        guard let template = try? MessageTemplate(jsonObject: object) else { return nil }
        self = template
    }

    /// What the store keeps of a template: its JSON without `status` and `version`, which live in columns.
    var storedDocument: String {
        var object = jsonObject
        object["status"] = nil
        object["version"] = nil
        return JSONValue.object(object).jsonString
    }

    /// A draft record of this template for a tenant (the store assigns the version).
    func draftRecord(tenantID: String, at: Date) -> TemplateRecord {
        TemplateRecord(
            tenantID: tenantID, name: name, version: version, channel: channel.rawValue, status: .draft,
            generatedBy: generatedBy,
            document: storedDocument, createdAt: at, updatedAt: at)
    }
}

import AutopilotCore
import Engine
import Flows
import Foundation

/// Modèles / Templates: every template the tenant can send, by status (drafts first) and channel, with filters.
struct TemplatesPage {
    let app: DashboardApp
    let viewer: Viewer

    static let statuses: [TemplateStatus] = [.draft, .active, .archived]
    static let channels: [Channel] = [.email, .sms, .whatsapp]

    func view(_ request: PageRequest) async throws -> PageView {
        let strings = viewer.strings
        let status = request.text("status").flatMap(TemplateStatus.init(rawValue:))
        let channel = request.text("channel").flatMap(Channel.init(rawValue:))
        let views = try await TemplateService(dependencies: app.dependencies, tenantID: viewer.tenantID).list(channel: channel, status: status)
        let groups = Self.statuses.compactMap { wanted -> [String: Any]? in
            let rows = views.filter { $0.template.status == wanted }.map(row)
            guard !rows.isEmpty else { return nil }
            return ["id": "status-\(wanted.rawValue)", "title": strings["templates_status_\(wanted.rawValue)"], "rows": rows]
        }
        let model: [String: Any] = [
            "statuses": Self.statuses.map { ["value": $0.rawValue, "label": strings["templates_status_\($0.rawValue)"], "selected": $0 == status] },
            "channels": Self.channels.map { ["value": $0.rawValue, "label": strings["channel_\($0.rawValue)"], "selected": $0 == channel] },
            "groups": groups, "hasGroups": !groups.isEmpty,
        ]
        return PageView(template: "templates", title: strings["templates_title"], section: "templates", model: model)
    }

    func row(_ view: TemplateView) -> [String: Any] {
        let strings = viewer.strings
        return [
            "href": DashboardApp.templatePath(view.id), "name": view.template.name,
            "description": BuiltinWords.templateDescription(id: view.id, description: view.template.description, language: viewer.language),
            "channel": strings["channel_\(view.template.channel.rawValue)"],
            "version": view.source == .builtIn ? "–" : "\(view.template.version)",
            "source": strings["templates_source_\(view.source.rawValue)"],
            "byAssistant": view.template.generatedBy == "assistant", "inUse": view.inUse,
            "updated": (view.updatedAt ?? view.createdAt).map(viewer.format.dateTime) ?? "",
        ].withoutBlanks
    }
}

/// The editor's form read into a template: the subject and text of each language.
enum TemplateForm {
    /// `template` with the subjects and texts the form holds (fields `subject_LOCALE`, `body_LOCALE`).
    static func apply(_ template: MessageTemplate, form: FormBody) -> MessageTemplate {
        var edited = template
        edited.variants = template.variants.map { variant in
            var changed = variant
            if let body = form["body_\(variant.locale)"] { changed.body = normalized(body) }
            if template.channel == .email, let subject = form["subject_\(variant.locale)"] { changed.subject = subject }
            return changed
        }
        return edited
    }

    /// The JSON merge patch that saves the form's texts.
    static func patch(_ template: MessageTemplate, form: FormBody) -> JSONObject {
        var variants = JSONObject()
        for variant in apply(template, form: form).variants {
            var fields: JSONObject = ["body": .string(variant.body)]
            if let subject = variant.subject, template.channel == .email { fields["subject"] = .string(subject) }
            variants[variant.locale] = .object(fields)
        }
        return ["variants": .object(variants)]
    }

    /// Browsers send line breaks as CR LF.
    static func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
    }
}

import AutopilotCore

/// What a template must pass before it can be activated: well-formed Mustache, known variables, an email subject per
/// variant, the legal mentions of marketing messages, SMS of at most three segments, and a clean render with sample data.
public enum TemplateCheck {
    /// Longest SMS accepted, in characters after rendering with sample data (three 160-character segments).
    public static let maximumSMSLength = 480

    /// Every problem that keeps a template from being activated; empty when it may be.
    public static func problems(in template: MessageTemplate) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if !FlowDefinitionReader.isIdentifier(template.name) {
            let reason = "\"\(template.name)\" is not a template name (lower-case letters, digits and dashes)"
            issues.append(ValidationIssue(path: "name", message: reason))
        }
        if template.variants.isEmpty {
            issues.append(ValidationIssue(path: "variants", message: "a template needs at least one variant"))
        }
        var seen: Set<String> = []
        for variant in template.variants {
            let path = "variants.\(variant.locale)"
            if !TemplateLocale.isValid(variant.locale) {
                issues.append(ValidationIssue(path: path, message: "\"\(variant.locale)\" is not a locale (such as fr, en or fr-CA)"))
            }
            if !seen.insert(variant.locale).inserted {
                issues.append(ValidationIssue(path: path, message: "is written twice"))
                continue
            }
            issues += problems(in: variant, of: template, path: path)
        }
        return issues
    }

    private static func problems(in variant: TemplateVariant, of template: MessageTemplate, path: String) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var fields: [(name: String, text: String, kind: TemplateText.Kind)] = [("body", variant.body, .text)]
        if variant.body.allSatisfy(\.isWhitespace) { issues.append(ValidationIssue(path: "\(path).body", message: "is empty")) }
        if template.channel == .email {
            if let subject = variant.subject, !subject.allSatisfy(\.isWhitespace) {
                fields.insert(("subject", subject, .text), at: 0)
            } else {
                issues.append(ValidationIssue(path: "\(path).subject", message: "is required for email"))
            }
            if let html = variant.html { fields.append(("html", html, .html)) }
        } else {
            if variant.subject != nil { issues.append(ValidationIssue(path: "\(path).subject", message: "is only used for email")) }
            if variant.html != nil { issues.append(ValidationIssue(path: "\(path).html", message: "is only used for email")) }
        }
        for field in fields {
            let fieldPath = "\(path).\(field.name)"
            do {
                _ = try TemplateText.compile(field.text, as: field.kind)
            } catch {
                issues.append(ValidationIssue(path: fieldPath, message: error.message))
                continue
            }
            issues += TemplateTags.unsupported(in: field.text, html: field.kind == .html).map { ValidationIssue(path: fieldPath, message: $0) }
            issues += TemplateVariables.problems(in: field.text, schema: TemplateVocabulary.schema).map {
                ValidationIssue(path: fieldPath, message: $0)
            }
        }
        issues += mentions(in: variant, of: template, path: path)
        guard issues.isEmpty else { return issues }
        return renderProblems(variant, of: template, path: path)
    }

    /// Marketing SMS say how to stop them; marketing emails carry the unsubscribe link.
    private static func mentions(in variant: TemplateVariant, of template: MessageTemplate, path: String) -> [ValidationIssue] {
        guard template.purpose == .marketing else { return [] }
        switch template.channel {
        case .sms where !variant.body.contains("STOP"):
            return [ValidationIssue(path: "\(path).body", message: "a marketing SMS must say how to opt out (\"Reply STOP to opt out\")")]
        case .email:
            let hasLink =
                TemplateTags.names(in: variant.body).contains("links.unsubscribe")
                && variant.html.map { TemplateTags.names(in: $0).contains("links.unsubscribe") } ?? true
            return hasLink
                ? [] : [ValidationIssue(path: path, message: "a marketing email must include {{links.unsubscribe}} (in the body and in the html)")]
        default:
            return []
        }
    }

    private static func renderProblems(_ variant: TemplateVariant, of template: MessageTemplate, path: String) -> [ValidationIssue] {
        let single = MessageTemplate(name: template.name, channel: template.channel, purpose: template.purpose, variants: [variant])
        let rendered: RenderedMessage
        do {
            rendered = try TemplateRenderer.render(single, locale: variant.locale, context: TemplateSampleData.context(locale: variant.locale))
        } catch {
            return [ValidationIssue(path: error.path.isEmpty ? path : error.path, message: "does not render: \(error.message)")]
        }
        var issues: [ValidationIssue] = []
        if rendered.text.allSatisfy(\.isWhitespace) {
            issues.append(ValidationIssue(path: "\(path).body", message: "renders to an empty text with sample data"))
        }
        if template.channel == .email, rendered.subject?.isEmpty ?? true {
            issues.append(ValidationIssue(path: "\(path).subject", message: "renders to an empty subject with sample data"))
        }
        if template.channel == .sms, rendered.text.count > maximumSMSLength {
            let message = "renders to \(rendered.text.count) characters with sample data: more than 3 SMS segments (\(maximumSMSLength) at most)"
            issues.append(ValidationIssue(path: "\(path).body", message: message))
        }
        return issues
    }
}

import AutopilotCore
import Foundation

extension FlowDefinitionReader {
    static let stepKinds: Set<String> = [
        "wait", "wait_until", "send", "branch", "wait_for", "update_contact", "notify", "webhook", "call", "task", "approve", "exit", "split",
    ]
    static let reservedRoots: Set<String> = ["contact", "trigger", "event", "settings", "cart", "order", "product"]

    mutating func readSteps(_ value: JSONValue, path: String, schema: ConditionSchema) -> [FlowStep] {
        guard let list = value.arrayValue else {
            fail(path, "is \(value.kindName), expected a list of steps")
            return []
        }
        var scope = schema
        var steps: [FlowStep] = []
        var exited = false
        for (index, raw) in list.enumerated() {
            let stepPath = "\(path)[\(index)]"
            if exited { fail(stepPath, "is never reached: it comes after an exit step") }
            guard let spec = object(raw, stepPath, expected: "a step (a mapping with one of \(Self.stepKinds.sorted().joined(separator: ", ")))")
            else { continue }
            let kinds = spec.keys.filter { Self.stepKinds.contains($0) }
            guard kinds.count == 1, let kind = kinds.first else {
                fail(
                    stepPath,
                    kinds.isEmpty
                        ? "is not a step: expected one of \(Self.stepKinds.sorted().joined(separator: ", "))"
                        : "has several step kinds (\(kinds.joined(separator: ", "))): write one per step")
                continue
            }
            allowOnly(spec, [kind], stepPath)
            let body = spec[kind] ?? .null
            if let step = readStep(kind, body, path: "\(stepPath).\(kind)", schema: &scope) {
                steps.append(step)
                if case .exit = step { exited = true }
            }
        }
        return steps
    }

    private mutating func readStep(_ kind: String, _ body: JSONValue, path: String, schema: inout ConditionSchema) -> FlowStep? {
        switch kind {
        case "wait":
            if let spec = body.objectValue {
                allowOnly(spec, ["days"], path)
                guard let expression = string(spec, "days", path, required: true),
                    let days = condition(expression, "\(path).days", schema: schema, expecting: .number)
                else { return nil }
                return .wait(.days(days))
            }
            return duration(body, path).map { .wait(.duration($0)) }
        case "wait_until":
            guard let spec = object(body, path) else { return nil }
            allowOnly(spec, ["time", "weekdays"], path)
            var time: TimeOfDay?
            if let text = string(spec, "time", path, required: false) {
                time = TimeOfDay.parse(text)
                if time == nil { fail("\(path).time", "\"\(text)\" is not a time of day (HH:MM)") }
            }
            let weekdays = readWeekdays(spec["weekdays"], "\(path).weekdays")
            if spec["time"] == nil, weekdays.isEmpty { fail(path, "needs a time, weekdays or both") }
            return .waitUntil(WaitUntilStep(time: time, weekdays: weekdays))
        case "send":
            return readSend(body, path).map { .send($0) }
        case "branch":
            guard let spec = object(body, path) else { return nil }
            allowOnly(spec, ["if", "then", "else"], path)
            var condition: Condition?
            if let text = string(spec, "if", path, required: true) { condition = self.condition(text, "\(path).if", schema: schema) }
            let then = spec["then"].map { readSteps($0, path: "\(path).then", schema: schema) } ?? []
            let otherwise = spec["else"].map { readSteps($0, path: "\(path).else", schema: schema) } ?? []
            if spec["then"] == nil, spec["else"] == nil { fail(path, "needs then, else or both") }
            guard let condition else { return nil }
            return .branch(condition: condition, then: then, else: otherwise)
        case "wait_for":
            return readWaitFor(body, path, schema: &schema).map { .waitFor($0) }
        case "update_contact":
            return readContactUpdate(body, path).map { .updateContact($0) }
        case "notify":
            guard let spec = object(body, path) else { return nil }
            allowOnly(spec, ["channel", "message"], path)
            let channelText = string(spec, "channel", path, required: true)
            let channel = channelText.flatMap(NotifyStep.Channel.init(rawValue:))
            if let channelText, channel == nil { fail("\(path).channel", "\"\(channelText)\" is not slack or log") }
            guard let message = string(spec, "message", path, required: true) else { return nil }
            checkTemplate(message, "\(path).message", schema: schema)
            guard let channel else { return nil }
            return .notify(NotifyStep(channel: channel, message: message))
        case "webhook":
            guard let spec = object(body, path) else { return nil }
            allowOnly(spec, ["url", "body"], path)
            guard let url = string(spec, "url", path, required: true) else { return nil }
            guard url.hasPrefix("https://") || url.hasPrefix("http://"), url.count > 10 else {
                fail("\(path).url", "\"\(url)\" is not an http(s) URL")
                return nil
            }
            checkTemplate(url, "\(path).url", schema: schema)
            let body = spec["body"] ?? .object([:])
            checkTemplates(in: body, "\(path).body", schema: schema)
            return .webhook(WebhookStep(url: url, body: body))
        case "call":
            guard let spec = object(body, path) else { return nil }
            allowOnly(spec, ["purpose"], path)
            guard let purpose = string(spec, "purpose", path, required: true) else { return nil }
            let trimmed = purpose.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, trimmed.count <= 300 else {
                fail("\(path).purpose", trimmed.isEmpty ? "is empty: say why the call is made" : "is longer than 300 characters")
                return nil
            }
            checkTemplate(trimmed, "\(path).purpose", schema: schema)
            return .call(CallStep(purpose: trimmed))
        case "task":
            guard let spec = object(body, path) else { return nil }
            allowOnly(spec, ["title", "assignee", "due"], path)
            let title = string(spec, "title", path, required: true)
            let assignee = string(spec, "assignee", path, required: true)
            let due = duration(spec, "due", path, required: false)
            if let title { checkTemplate(title, "\(path).title", schema: schema) }
            guard let title, let assignee else { return nil }
            return .task(TaskStep(title: title, assignee: assignee, due: due))
        case "split":
            return readSplit(body, path, schema: schema).map { .split($0) }
        case "approve":
            if body == .null || body == .bool(true) { return .approve(prompt: nil) }
            if let prompt = body.stringValue { return .approve(prompt: prompt) }
            guard let spec = object(body, path, expected: "a prompt or a mapping with prompt") else { return nil }
            allowOnly(spec, ["prompt"], path)
            return .approve(prompt: string(spec, "prompt", path, required: false))
        default:
            if body == .null { return .exit(reason: "exit_step") }
            guard let reason = body.stringValue, Self.isName(reason) else {
                fail(path, "\(Self.show(body)) is not a reason code (letters, digits and _)")
                return nil
            }
            return .exit(reason: reason)
        }
    }

    private mutating func readWeekdays(_ value: JSONValue?, _ path: String) -> [Weekday] {
        guard let value, value != .null else { return [] }
        let items = value.arrayValue ?? [value]
        var days: [Weekday] = []
        for item in items {
            guard let text = item.stringValue, let day = Weekday(rawValue: text.lowercased()) else {
                fail(path, "\(Self.show(item)) is not a weekday (monday … sunday)")
                continue
            }
            days.append(day)
        }
        return days
    }

    private mutating func readSend(_ body: JSONValue, _ path: String) -> SendStep? {
        guard let spec = object(body, path) else { return nil }
        allowOnly(spec, ["channel", "template", "coupon", "transactional", "personalise", "conversation", "whatsapp_template", "send_time"], path)
        let channelText = string(spec, "channel", path, required: true)
        let channel = channelText.flatMap { Channel(rawValue: $0) }
        if let channelText, channel == nil { fail("\(path).channel", "\"\(channelText)\" is not email, sms or whatsapp") }
        let template = string(spec, "template", path, required: true)
        if let template, !Self.isTemplateID(template) { fail("\(path).template", "\"\(template)\" is not a template id") }
        let coupon = spec["coupon"].flatMap { readCoupon($0, "\(path).coupon") }
        let transactional = bool(spec, "transactional", path) ?? false
        let personalise = bool(spec, "personalise", path) ?? false
        let conversation = bool(spec, "conversation", path) ?? false
        if transactional, conversation { fail("\(path).conversation", "a transactional message is not a conversation") }
        if transactional, coupon != nil { fail("\(path).coupon", "a transactional message cannot carry a marketing coupon") }
        let whatsappTemplate = spec["whatsapp_template"].flatMap { readWhatsAppTemplate($0, "\(path).whatsapp_template") }
        if spec["whatsapp_template"] != nil, let channel, channel != .whatsapp {
            fail("\(path).whatsapp_template", "only a whatsapp message has a WhatsApp template, not \(channel.rawValue)")
        }
        let sendTime = string(spec, "send_time", path, required: false)
        if let sendTime, sendTime != "optimal" { fail("\(path).send_time", "\"\(sendTime)\" is not optimal (the only choice; leave it out to send at once)") }
        if sendTime != nil, transactional { fail("\(path).send_time", "a transactional message goes at once") }
        guard let channel, let template, spec["coupon"] == nil || coupon != nil, spec["whatsapp_template"] == nil || whatsappTemplate != nil
        else { return nil }
        return SendStep(
            channel: channel, template: template, coupon: coupon, transactional: transactional, personalise: personalise, conversation: conversation,
            whatsappTemplate: whatsappTemplate, optimalSendTime: sendTime == "optimal")
    }

    /// `whatsapp_template: {name, language, variables: [..], header: {image: URL} | {document: URL, filename}}`.
    private mutating func readWhatsAppTemplate(_ value: JSONValue, _ path: String) -> WhatsAppTemplateOptions? {
        guard let spec = object(value, path) else { return nil }
        allowOnly(spec, ["name", "language", "variables", "header"], path)
        let name = string(spec, "name", path, required: true)
        if let name, name.isEmpty || name.count > 512 || !name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) {
            fail("\(path).name", "\"\(name)\" is not a WhatsApp template name (lower-case letters, digits and _)")
        }
        let language = string(spec, "language", path, required: true)
        if let language, language.count < 2 || language.count > 15 || !language.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_") }) {
            fail("\(path).language", "\"\(language)\" is not a WhatsApp language code such as fr or en_US")
        }
        var variables: [String] = []
        if let list = spec["variables"] {
            if let items = list.arrayValue, items.allSatisfy({ $0.stringValue != nil }), items.count <= 20 {
                variables = items.compactMap(\.stringValue)
            } else {
                fail("\(path).variables", "must be a list of at most 20 texts, one per {{1}}, {{2}}… of the template's body")
            }
        }
        var header: WhatsAppTemplateHeader?
        if let headerValue = spec["header"] {
            let headerPath = "\(path).header"
            if let object = object(headerValue, headerPath) {
                allowOnly(object, ["image", "document", "filename"], headerPath)
                let image = string(object, "image", headerPath, required: false)
                let document = string(object, "document", headerPath, required: false)
                switch (image, document) {
                case (let link?, nil): header = WhatsAppTemplateHeader(kind: .image, link: link)
                case (nil, let link?): header = WhatsAppTemplateHeader(kind: .document, link: link, filename: string(object, "filename", headerPath, required: false))
                default: fail(headerPath, "needs exactly one of image or document (an https link)")
                }
                if let link = header?.link, !link.hasPrefix("https://"), !link.hasPrefix("{{") {
                    fail(headerPath, "\"\(link)\" is not an https link: WhatsApp fetches the media itself")
                }
            }
            if header == nil { return nil }
        }
        guard let name, let language else { return nil }
        return WhatsAppTemplateOptions(name: name, language: language, variables: variables, header: header)
    }

    private mutating func readCoupon(_ value: JSONValue, _ path: String) -> CouponRequest? {
        guard let spec = object(value, path) else { return nil }
        allowOnly(spec, ["kind", "percent", "amount", "free_shipping", "minimum_order", "validity"], path)
        let kindText = string(spec, "kind", path, required: false) ?? "unique"
        let kind = CouponRequest.Kind(rawValue: kindText)
        if kind == nil { fail("\(path).kind", "\"\(kindText)\" is not unique or referral") }
        let percent = number(spec, "percent", path, required: false)
        let amount = number(spec, "amount", path, required: false)
        let freeShipping = bool(spec, "free_shipping", path) ?? false
        var discount: CouponRequest.Discount?
        switch (percent, amount, freeShipping) {
        case (let percent?, nil, false):
            if percent > 0, percent <= 100 { discount = .percent(percent) } else { fail("\(path).percent", "must be above 0 and at most 100") }
        case (nil, let amount?, false):
            if amount > 0 { discount = .amount(amount) } else { fail("\(path).amount", "must be above 0") }
        case (nil, nil, true):
            discount = .freeShipping
        case (nil, nil, false):
            if spec["percent"] == nil, spec["amount"] == nil { fail(path, "needs percent, amount or free_shipping: true") }
        default:
            fail(path, "has more than one of percent, amount and free_shipping: choose one")
        }
        let minimumOrder = number(spec, "minimum_order", path, required: false)
        if let minimumOrder, !(minimumOrder > 0) { fail("\(path).minimum_order", "must be above 0") }
        let validity = duration(spec, "validity", path, required: true)
        guard let kind, let discount, let validity else { return nil }
        return CouponRequest(kind: kind, discount: discount, validity: validity, minimumOrder: minimumOrder)
    }

    private mutating func readWaitFor(_ body: JSONValue, _ path: String, schema: inout ConditionSchema) -> WaitForStep? {
        guard let spec = object(body, path) else { return nil }
        allowOnly(spec, ["event", "where", "timeout", "as", "on_timeout"], path)
        let type = eventType(spec, "event", path)
        let eventSchema = type.flatMap(FlowVocabulary.eventSchema) ?? .open
        let condition = condition(spec, "where", path, schema: schema.with("event", eventSchema))
        let timeout = duration(spec, "timeout", path, required: true)
        let binding = string(spec, "as", path, required: false)
        if let binding, !Self.isName(binding) || Self.reservedRoots.contains(binding) {
            fail("\(path).as", "\"\(binding)\" cannot name a value (use a new name, not \(Self.reservedRoots.sorted().joined(separator: ", ")))")
        }
        let onTimeout = spec["on_timeout"].map { readSteps($0, path: "\(path).on_timeout", schema: schema) } ?? []
        if let binding { schema = schema.with(binding, eventSchema) }
        guard let type, let timeout, spec["where"] == nil || condition != nil else { return nil }
        return WaitForStep(eventType: type, condition: condition, timeout: timeout, binding: binding, onTimeout: onTimeout)
    }

    private mutating func readContactUpdate(_ body: JSONValue, _ path: String) -> ContactUpdate? {
        guard let spec = object(body, path) else { return nil }
        allowOnly(spec, ["set", "add_tag", "remove_tag"], path)
        guard spec.count == 1 else {
            fail(path, "needs exactly one of set, add_tag, remove_tag")
            return nil
        }
        if let tag = string(spec, "add_tag", path, required: false) { return .addTag(tag) }
        if let tag = string(spec, "remove_tag", path, required: false) { return .removeTag(tag) }
        guard let set = spec["set"], let setSpec = object(set, "\(path).set") else { return nil }
        allowOnly(setSpec, ["attribute", "value"], "\(path).set")
        guard let name = string(setSpec, "attribute", "\(path).set", required: true) else { return nil }
        guard Self.isName(name) else {
            fail("\(path).set.attribute", "\"\(name)\" is not an attribute name (letters, digits and _)")
            return nil
        }
        return .setAttribute(name: name, value: setSpec["value"] ?? .null)
    }

    private mutating func checkTemplate(_ text: String, _ path: String, schema: ConditionSchema) {
        for problem in TemplateVariables.problems(in: text, schema: schema) { fail(path, problem) }
    }

    private mutating func checkTemplates(in value: JSONValue, _ path: String, schema: ConditionSchema) {
        switch value {
        case .string(let text): checkTemplate(text, path, schema: schema)
        case .array(let items): for (index, item) in items.enumerated() { checkTemplates(in: item, "\(path)[\(index)]", schema: schema) }
        case .object(let object): for (key, item) in object { checkTemplates(in: item, "\(path).\(key)", schema: schema) }
        default: break
        }
    }
}

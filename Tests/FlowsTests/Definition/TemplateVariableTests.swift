import Flows
import Testing

@Suite("Template variables in notify, webhook and task texts")
struct TemplateVariableTests {
    private func issues(_ step: String) -> [String] {
        let text = "id: t\nname: T\ntrigger: { event: review.submitted }\nsteps:\n  - \(step)\n"
        return FlowDefinition.validate(text).map(\.description)
    }

    @Test(arguments: [
        "notify: { channel: slack, message: \"{{contact.first_name}} rated {{trigger.rating}}\" }",
        "notify: { channel: log, message: \"{{{trigger.text}}} {{& contact.email}} {{! a comment }} {{> partial}}\" }",
        "notify: { channel: log, message: \"{{#contact.attributes}}{{anything}}{{/contact.attributes}}\" }",
        "notify: { channel: log, message: \"{{#order}}{{id}}{{/order}} {{^contact.tags}}none{{/contact.tags}}\" }",
        "webhook: { url: \"https://x.example/{{trigger.order_id}}\", body: { rating: \"{{trigger.rating}}\", list: [\"{{contact.id}}\"] } }",
        "task: { title: \"Call {{contact.first_name}}\", assignee: support }",
    ])
    func knownFieldsPass(step: String) {
        #expect(issues(step) == [])
    }

    @Test(arguments: [
        (
            "notify: { channel: slack, message: \"Hi {{contact.frist_name}}\" }",
            "steps[0].notify.message: {{contact.frist_name}}: unknown field \"contact.frist_name\": contact has attributes, birthdate, "
                + "consents, created_at, email, first_name, first_order_at, id, last_name, last_order_at, locale, orders_count, phone, tags, "
                + "timezone, total_spent"
        ),
        (
            "notify: { channel: log, message: \"{{cart.value}}\" }",
            "steps[0].notify.message: {{cart.value}}: unknown field \"cart.value\" (known roots: contact, order, settings, trigger)"
        ),
        ("notify: { channel: log, message: \"{{contact.email\" }", "steps[0].notify.message: a {{ tag is not closed"),
        ("notify: { channel: log, message: \"{{ }}\" }", "steps[0].notify.message: an empty {{ }} tag"),
        (
            "webhook: { url: \"https://x.example\", body: { a: [\"{{nope}}\"] } }",
            "steps[0].webhook.body.a[0]: {{nope}}: unknown field \"nope\" (known roots: contact, order, settings, trigger)"
        ),
        ("task: { title: \"Call {{contact..x}}\", assignee: sales }", "steps[0].task.title: {{contact..x}} is not a field path"),
    ])
    func unknownFieldsAreReported(step: String, expected: String) {
        #expect(issues(step) == [expected])
    }
}

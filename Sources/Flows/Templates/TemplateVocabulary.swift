/// The values templates may use, by root: what the engine puts in a render context.
///
/// `contact`, `cart`, `order` and `product` have the fields of `FlowVocabulary` (plus `lines`, a list for sections such
/// as `{{#cart.lines}}{{title}}{{/cart.lines}}`); `trigger` (the starting event's properties) and `review` (the
/// received review) are open; the others are listed here. Names inside sections are relative to the section and free.
public enum TemplateVocabulary {
    private static let text = FieldSchema.value(.string)
    private static let number = FieldSchema.value(.number)
    private static let list = FieldSchema.value(.list(.any))

    /// The coupon created for the message (`send` steps with `coupon:`). `valid_until` is a date for display; `offer` says
    /// what it gives in the message's language (`10 % de réduction`, `5 € off`, `free shipping`, with the minimum order).
    public static let coupon = FieldSchema.object([
        "code": text, "percent": number, "amount": number, "free_shipping": FieldSchema.value(.bool), "minimum_order": number, "valid_until": text,
        "link": text, "offer": text,
    ])
    /// The shop: its name, its site, and the founder's name that signs personal emails.
    public static let shop = FieldSchema.object(["name": text, "url": text, "signature": text])
    /// Links made for the contact: unsubscribe (every marketing email), leaving a review, booking a call.
    public static let links = FieldSchema.object(["unsubscribe": text, "review": text, "booking": text])
    /// The contact's referral code and the link that carries it; on a reward, the role (referrer or referred) and the friend's name.
    public static let referral = FieldSchema.object(["code": text, "link": text, "friend": text, "role": text])
    /// The qualified lead: tier (`hot`, `warm`, `cool`, `cold`), company, score (0–100).
    public static let lead = FieldSchema.object(["tier": text, "company": text, "score": number])
    /// A booked callback: when, as the contact reads it (`mardi 31 mars à 9h30`).
    public static let callback = FieldSchema.object(["when": text])
    /// A payment link: its URL, the amount with its currency as the contact reads it, what it pays for.
    public static let payment = FieldSchema.object(["url": text, "amount": text, "description": text])

    /// Every root a template may name, with its fields.
    public static let roots: [String: FieldSchema] = [
        "contact": FlowVocabulary.contact,
        "cart": adding(["lines": list], to: FlowVocabulary.cart),
        "order": adding(["lines": list], to: FlowVocabulary.order),
        "product": FlowVocabulary.product,
        "trigger": .open,
        "review": .open,
        "coupon": coupon,
        "shop": shop,
        "links": links,
        "referral": referral,
        "lead": lead,
        "callback": callback,
        "payment": payment,
    ]

    /// The schema `TemplateCheck` checks variables against.
    public static let schema = ConditionSchema(roots: roots)

    /// Every known variable path (`cart.checkout_url`), sorted; open roots appear as `trigger.*`.
    public static var variables: [String] {
        roots.flatMap { root, schema in paths(schema, prefix: root) }.sorted()
    }

    private static func paths(_ schema: FieldSchema, prefix: String) -> [String] {
        switch schema {
        case .value: [prefix]
        case .open: ["\(prefix).*"]
        case .object(let fields): fields.flatMap { paths($0.value, prefix: "\(prefix).\($0.key)") }
        }
    }

    private static func adding(_ extra: [String: FieldSchema], to schema: FieldSchema) -> FieldSchema {
        guard case .object(let fields) = schema else { return schema }
        return .object(fields.merging(extra) { current, _ in current })
    }
}

/// What a queued message carries from the step that queued it to its dispatch: the coupon to issue, whether a language
/// model may rewrite it, the values its template reads, and (once sent) who wrote the text. Persisted as the JSON object
/// in `outbox.options`, under the keys below, which never change.
public struct MessageOptions: Sendable, Hashable {
    /// A coupon to issue at dispatch (`coupon`).
    public var coupon: CouponOptions?
    /// A language model may rewrite the rendered copy within the guard rails (`personalise`).
    public var personalise: Bool
    /// What the template reads besides the contact, the shop and the links: the run's values when the step ran (`context`).
    public var context: JSONObject
    /// Who wrote the text that was sent (`personalisation`), recorded at dispatch.
    public var personalisation: PersonalisationNote?
    /// The message is a conversation (`conversation`): the step that queued it was marked `conversation: true`.
    public var conversation: Bool
    /// What became of its coupon in the shop, in plain words (`coupon_note`), recorded at dispatch.
    public var couponNote: String?
    /// The approved WhatsApp template to send outside the 24-hour window (`whatsapp_template`).
    public var whatsappTemplate: WhatsAppTemplateOptions?
    /// What allowed the message to go (`lawful_basis`: consent, legitimate_interest, contract), recorded at dispatch.
    public var lawfulBasis: String?
    /// The step was marked `send_time: optimal` (`send_time`): the dispatcher first moves it to the contact's best hour.
    public var optimalSendTime = false
    /// Where the dispatcher placed it (`send_time_placed`): `contact:9`, `tenant:18`, or `none` (not enough engagement).
    public var sendTimePlaced: String?

    public init(
        coupon: CouponOptions? = nil, personalise: Bool = false, context: JSONObject = [:], personalisation: PersonalisationNote? = nil,
        conversation: Bool = false, whatsappTemplate: WhatsAppTemplateOptions? = nil
    ) {
        self.whatsappTemplate = whatsappTemplate
        self.conversation = conversation
        self.coupon = coupon
        self.personalise = personalise
        self.context = context
        self.personalisation = personalisation
    }

    /// Reads the persisted object; a missing or unreadable part is left empty, never an error (old rows stay readable).
    public init(_ value: JSONValue) {
        let object = value.objectValue ?? [:]
        coupon = object["coupon"].flatMap(CouponOptions.init)
        personalise = object["personalise"]?.boolValue ?? false
        context = object["context"]?.objectValue ?? [:]
        personalisation = object["personalisation"].flatMap(PersonalisationNote.init)
        conversation = object["conversation"]?.boolValue ?? false
        couponNote = object["coupon_note"]?.stringValue
        whatsappTemplate = object["whatsapp_template"].flatMap(WhatsAppTemplateOptions.init)
        lawfulBasis = object["lawful_basis"]?.stringValue
        optimalSendTime = object["send_time"]?.stringValue == "optimal"
        sendTimePlaced = object["send_time_placed"]?.stringValue
    }

    /// Reads the persisted JSON text.
    public init(json: String) {
        self.init((try? JSONParser.parse(json)) ?? .null)
    }

    /// The persisted object.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        object["coupon"] = coupon?.jsonValue
        if personalise { object["personalise"] = true }
        if !context.isEmpty { object["context"] = .object(context) }
        object["personalisation"] = personalisation?.jsonValue
        if conversation { object["conversation"] = true }
        object["coupon_note"] = couponNote.map(JSONValue.string)
        object["whatsapp_template"] = whatsappTemplate?.jsonValue
        object["lawful_basis"] = lawfulBasis.map(JSONValue.string)
        if optimalSendTime { object["send_time"] = "optimal" }
        object["send_time_placed"] = sendTimePlaced.map(JSONValue.string)
        return .object(object)
    }

    /// The persisted JSON text.
    public var json: String { jsonValue.jsonString }
}

extension MessageOptions: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try JSONValue(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonValue.encode(to: encoder)
    }
}

/// The coupon a message issues when it is sent: a unique code or a referral code, a discount (a percentage, a fixed
/// amount or free shipping), how long it is valid and the order subtotal from which it applies.
public struct CouponOptions: Sendable, Hashable {
    public var kind: CouponKind
    public var percent: Double?
    public var amount: Double?
    /// The code gives free shipping (`free_shipping`).
    public var freeShipping: Bool
    /// The order subtotal from which the code applies (`minimum_order`).
    public var minimumOrder: Double?
    public var validitySeconds: Double
    /// A code issued before the message was queued (a referral reward), used as is; nil: derived from the message id.
    public var code: String?

    public init(
        kind: CouponKind, percent: Double? = nil, amount: Double? = nil, freeShipping: Bool = false, minimumOrder: Double? = nil,
        validitySeconds: Double = 7 * 86_400, code: String? = nil
    ) {
        self.code = code
        self.kind = kind
        self.percent = percent
        self.amount = amount
        self.freeShipping = freeShipping
        self.minimumOrder = minimumOrder
        self.validitySeconds = validitySeconds
    }

    init?(_ value: JSONValue) {
        guard let object = value.objectValue else { return nil }
        kind = object["kind"]?.stringValue.flatMap(CouponKind.init) ?? .unique
        percent = object["percent"]?.doubleValue
        amount = object["amount"]?.doubleValue
        freeShipping = object["free_shipping"]?.boolValue ?? false
        minimumOrder = object["minimum_order"]?.doubleValue
        code = object["code"]?.stringValue
        validitySeconds = object["validity_seconds"]?.doubleValue ?? 7 * 86_400
    }

    var jsonValue: JSONValue {
        var object: JSONObject = ["kind": .string(kind.rawValue), "validity_seconds": .double(validitySeconds)]
        object["percent"] = percent.map(JSONValue.double)
        object["amount"] = amount.map(JSONValue.double)
        if freeShipping { object["free_shipping"] = true }
        object["minimum_order"] = minimumOrder.map(JSONValue.double)
        object["code"] = code.map(JSONValue.string)
        return .object(object)
    }
}

/// Which kind of code a coupon is. Raw values are persisted (`coupons.kind`, `outbox.options`).
public enum CouponKind: String, Sendable, Hashable, CaseIterable {
    /// `AP-…`: one customer's discount (abandoned cart, win-back).
    case unique
    /// `REF-…`: a customer's code to share with friends.
    case referral
    /// `RWD-…`: the reward for a referral that converted.
    case reward
}

/// Who wrote the text of a sent message: the template, or a model that rewrote it (and why it was not used, if not).
public struct PersonalisationNote: Sendable, Hashable {
    public var writtenBy: String
    public var provider: String?
    public var model: String?
    public var reason: String?

    public init(writtenBy: String, provider: String? = nil, model: String? = nil, reason: String? = nil) {
        self.writtenBy = writtenBy
        self.provider = provider
        self.model = model
        self.reason = reason
    }

    init?(_ value: JSONValue) {
        guard let object = value.objectValue else { return nil }
        writtenBy = object["written_by"]?.stringValue ?? "template"
        provider = object["provider"]?.stringValue
        model = object["model"]?.stringValue
        reason = object["reason"]?.stringValue
    }

    var jsonValue: JSONValue {
        var object: JSONObject = ["written_by": .string(writtenBy)]
        object["provider"] = provider.map(JSONValue.string)
        object["model"] = model.map(JSONValue.string)
        object["reason"] = reason.map(JSONValue.string)
        return .object(object)
    }
}

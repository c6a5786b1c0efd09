import AutopilotCore

extension Schema {
    /// `{contact_id?, name?, email?, phone?}`: who a task, callback or payment link is about.
    static let taskContact: JSONValue = object(
        [
            "contact_id": string("Autopilot's id of the contact", maxLength: 200),
            "name": string("the person's name, for someone not yet a contact", maxLength: 200),
            "email": string("the person's email address", maxLength: 320),
            "phone": string("the person's phone number", maxLength: 40),
        ], description: "who it is about: a known email or phone links it to the contact")
}

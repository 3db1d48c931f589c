/// What kind of organisation keeps a ledger, as its name (`ledger.open`'s `org`) says.
enum Organisation {
    /// True for a farmers' specialized cooperative (农民专业合作社, or a federation of them), whose
    /// members raise objections with its board of supervisors (监事会); false for a village's
    /// collective economic organisation (股份经济合作社, 经济联合社 …), whose villagers raise them
    /// with the village supervisory committee (村务监督委员会).
    static func isCooperative(_ org: String) -> Bool {
        org.contains("专业合作社") || (org.contains("合作社") && !org.contains("经济合作社"))
    }
}

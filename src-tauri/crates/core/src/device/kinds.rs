//! The closed lists a device record chooses from: kind, ownership, yes/no/unknown answers and
//! status. Each has a stable stored name and a label for people.

/// Declares a closed list with its stored names and labels.
macro_rules! choice {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $stored:literal, $label:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            /// Every choice, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable name stored in the vault, used in CSV files and on the wire.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $stored,)+ }
            }

            /// The choice's name for people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            /// Parses a stored name or a label, ignoring case and surrounding space.
            pub fn parse(text: &str) -> Option<$name> {
                let text = text.trim();
                Self::ALL
                    .iter()
                    .copied()
                    .find(|c| c.as_str().eq_ignore_ascii_case(text) || c.label().eq_ignore_ascii_case(text))
            }
        }
    };
}

choice! {
    /// What sort of device or medium it is.
    DeviceKind {
        /// A desktop computer.
        Desktop = "desktop", "Desktop computer";
        /// A laptop.
        Laptop = "laptop", "Laptop";
        /// A tablet.
        Tablet = "tablet", "Tablet";
        /// A mobile phone.
        Phone = "phone", "Mobile phone";
        /// A USB memory stick.
        UsbStick = "usb_stick", "USB stick";
        /// An external hard drive or SSD.
        ExternalDrive = "external_drive", "External drive";
        /// A smartcard reader.
        SmartcardReader = "smartcard_reader", "Smartcard reader";
        /// A router or firewall.
        Router = "router", "Router";
        /// A printer or scanner.
        Printer = "printer", "Printer";
        /// A server or network storage.
        Server = "server", "Server";
        /// Anything else.
        Other = "other", "Other";
    }
}

impl DeviceKind {
    /// Whether it is removable media (logged with who holds it, as the Welsh toolkit asks).
    pub fn is_removable_media(self) -> bool {
        matches!(self, DeviceKind::UsbStick | DeviceKind::ExternalDrive)
    }
}

choice! {
    /// Who owns it.
    Ownership {
        /// The practice.
        Practice = "practice", "Practice";
        /// A member of staff (bring your own device).
        Personal = "personal", "Personal";
    }
}

choice! {
    /// An answer that may not be known yet.
    YesNoUnknown {
        /// Yes.
        Yes = "yes", "Yes";
        /// No.
        No = "no", "No";
        /// Not known.
        Unknown = "unknown", "Unknown";
    }
}

choice! {
    /// Where a device is in its life.
    DeviceStatus {
        /// Allocated or in service.
        InUse = "in_use", "In use";
        /// Kept, not in service.
        InStore = "in_store", "In store";
        /// Lost.
        Lost = "lost", "Lost";
        /// Stolen.
        Stolen = "stolen", "Stolen";
        /// Waiting to be disposed of.
        AwaitingDisposal = "awaiting_disposal", "Awaiting disposal";
        /// Disposed of; kept on record, out of the active register.
        Disposed = "disposed", "Disposed";
    }
}

impl DeviceStatus {
    /// Lost or stolen: recorded with what happened, and offered an incident.
    pub fn is_missing(self) -> bool {
        matches!(self, DeviceStatus::Lost | DeviceStatus::Stolen)
    }

    /// A status a manager sets by hand on the device's page (in store, in use, awaiting disposal):
    /// not lost or stolen, which are recorded with what happened, nor disposed, which the disposal
    /// log records.
    pub fn is_set_by_hand(self) -> bool {
        !self.is_missing() && self != DeviceStatus::Disposed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_fall_into_those_set_by_hand_and_the_missing_ones() {
        let by_hand: Vec<_> = DeviceStatus::ALL.iter().copied().filter(|s| s.is_set_by_hand()).collect();
        assert_eq!(by_hand, [DeviceStatus::InUse, DeviceStatus::InStore, DeviceStatus::AwaitingDisposal]);
        let missing: Vec<_> = DeviceStatus::ALL.iter().copied().filter(|s| s.is_missing()).collect();
        assert_eq!(missing, [DeviceStatus::Lost, DeviceStatus::Stolen]);
    }

    #[test]
    fn choices_parse_from_stored_names_and_labels_in_any_case() {
        for kind in DeviceKind::ALL {
            assert_eq!(DeviceKind::parse(kind.as_str()), Some(*kind));
            assert_eq!(DeviceKind::parse(&kind.label().to_uppercase()), Some(*kind));
        }
        assert_eq!(DeviceStatus::parse(" awaiting disposal "), Some(DeviceStatus::AwaitingDisposal));
        assert_eq!(YesNoUnknown::parse("no"), Some(YesNoUnknown::No));
        assert_eq!(Ownership::parse("BYOD"), None);
        assert!(DeviceKind::UsbStick.is_removable_media() && !DeviceKind::Laptop.is_removable_media());
    }
}

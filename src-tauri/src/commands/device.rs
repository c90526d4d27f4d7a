//! The device register.

use custodian_core::{DeviceForm, DeviceKind, DeviceRecord, DeviceStatus, Ownership, Permission, YesNoUnknown};
use tauri::State;
use time::OffsetDateTime;

use super::files::{beside_vault, read_chosen, save_new};
use super::{current_staff, with_session};
use crate::dto::{
    AllocateRequest, AllocationRow, ChoiceOption, CommandError, CsvProblemRow, DeviceActions, DeviceDetailView,
    DeviceFormRequest, DeviceImportPreviewView, DeviceImportRequest, DeviceRegisterView, DeviceRow,
    DeviceStatusRequest, DeviceToReturn, DeviceUpdateRequest, ErrorCode, ExportedFile, IdRequest, PersonRefView,
    ReturnDeviceRequest,
};
use crate::state::AppState;

/// CSV files larger than this are refused before they are read.
const MAX_CSV_BYTES: u64 = 20 * 1024 * 1024;

/// The register as the viewer may see it.
#[tauri::command(async)]
pub fn device_list(state: State<'_, AppState>) -> Result<DeviceRegisterView, CommandError> {
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let devices = session.devices(now)?;
        let can_manage = session.require(Permission::ManageDevices, now).is_ok();
        let to_return = match session.devices_to_return(now) {
            Ok(list) => list
                .into_iter()
                .map(|(d, p)| DeviceToReturn {
                    device_id: d.id,
                    asset_tag: d.fields.asset_tag,
                    holder: p.full_name,
                    last_day: p.leaving_date.map(|d| d.to_string()).unwrap_or_default(),
                })
                .collect(),
            Err(custodian_core::CoreError::Forbidden { .. }) => vec![],
            Err(other) => return Err(other),
        };
        let people = if can_manage { current_staff(session, now)? } else { vec![] };
        let options = |all: Vec<(&str, &str)>| all.into_iter().map(ChoiceOption::from).collect();
        let statuses = |wanted: fn(DeviceStatus) -> bool| {
            options(DeviceStatus::ALL.iter().copied().filter(|s| wanted(*s)).map(|k| (k.as_str(), k.label())).collect())
        };
        Ok(DeviceRegisterView {
            devices: devices.iter().map(device_row).collect(),
            to_return,
            can_manage,
            people,
            kinds: options(DeviceKind::ALL.iter().map(|k| (k.as_str(), k.label())).collect()),
            ownerships: options(Ownership::ALL.iter().map(|k| (k.as_str(), k.label())).collect()),
            answers: options(YesNoUnknown::ALL.iter().map(|k| (k.as_str(), k.label())).collect()),
            statuses: statuses(|s| s != DeviceStatus::Disposed),
            statuses_set_by_hand: statuses(DeviceStatus::is_set_by_hand),
            missing_statuses: statuses(DeviceStatus::is_missing),
        })
    })
}

/// One device and who held it when.
#[tauri::command(async)]
pub fn device_get(state: State<'_, AppState>, request: IdRequest) -> Result<DeviceDetailView, CommandError> {
    with_session(&state, |session| {
        let now = OffsetDateTime::now_utc();
        let (device, allocations) = session.device_history(request.id, now)?;
        let incidents = super::incident::for_device(session, device.id, now)?;
        let can_manage = session.require(Permission::ManageDevices, now).is_ok();
        Ok(DeviceDetailView {
            actions: device_actions(&device, can_manage),
            device: device_row(&device),
            allocations: allocations
                .into_iter()
                .map(|a| AllocationRow {
                    person: (&a.person).into(),
                    from: a.from.to_string(),
                    to: a.to.map(|d| d.to_string()),
                    note: a.note,
                })
                .collect(),
            incidents,
        })
    })
}

/// Registers a device.
#[tauri::command(async)]
pub fn device_add(state: State<'_, AppState>, request: DeviceFormRequest) -> Result<DeviceRow, CommandError> {
    with_session(&state, |session| Ok(device_row(&session.add_device(&form(&request), OffsetDateTime::now_utc())?)))
}

/// Changes a device's details.
#[tauri::command(async)]
pub fn device_update(state: State<'_, AppState>, request: DeviceUpdateRequest) -> Result<DeviceRow, CommandError> {
    with_session(&state, |session| {
        Ok(device_row(&session.update_device(request.id, &form(&request.device), OffsetDateTime::now_utc())?))
    })
}

/// Allocates a device to a person (re-allocating it if someone holds it).
#[tauri::command(async)]
pub fn device_allocate(state: State<'_, AppState>, request: AllocateRequest) -> Result<DeviceRow, CommandError> {
    with_session(&state, |session| {
        let device = session.allocate_device(
            request.id,
            request.person_id,
            &request.from,
            &request.note,
            OffsetDateTime::now_utc(),
        )?;
        Ok(device_row(&device))
    })
}

/// Records a device's return.
#[tauri::command(async)]
pub fn device_return(state: State<'_, AppState>, request: ReturnDeviceRequest) -> Result<DeviceRow, CommandError> {
    with_session(&state, |session| {
        Ok(device_row(&session.return_device(request.id, &request.on, OffsetDateTime::now_utc())?))
    })
}

/// Marks a device lost, stolen, in store, in use or awaiting disposal.
#[tauri::command(async)]
pub fn device_set_status(state: State<'_, AppState>, request: DeviceStatusRequest) -> Result<DeviceRow, CommandError> {
    let status = DeviceStatus::parse(&request.status)
        .ok_or_else(|| CommandError::new(ErrorCode::InvalidInput, "Choose one of the statuses offered"))?;
    with_session(&state, |session| {
        Ok(device_row(&session.set_device_status(request.id, status, &request.reason, OffsetDateTime::now_utc())?))
    })
}

/// Checks a CSV file of devices and lists every problem, changing nothing.
#[tauri::command(async)]
pub fn device_import_preview(
    state: State<'_, AppState>,
    request: DeviceImportRequest,
) -> Result<DeviceImportPreviewView, CommandError> {
    let bytes = read_csv(&request.path)?;
    with_session(&state, |session| {
        let preview = session.preview_device_import(&bytes, OffsetDateTime::now_utc())?;
        Ok(DeviceImportPreviewView {
            rows: preview.rows as u32,
            asset_tags: preview.asset_tags,
            problems: preview
                .problems
                .into_iter()
                .map(|p| CsvProblemRow { line: p.line, asset_tag: p.asset_tag, message: p.message })
                .collect(),
        })
    })
}

/// Imports every device in a CSV file, or none.
#[tauri::command(async)]
pub fn device_import(state: State<'_, AppState>, request: DeviceImportRequest) -> Result<u32, CommandError> {
    let bytes = read_csv(&request.path)?;
    with_session(&state, |session| Ok(session.import_devices(&bytes, OffsetDateTime::now_utc())? as u32))
}

/// Saves the register as CSV in the `exports` folder beside the vault.
#[tauri::command(async)]
pub fn device_export(state: State<'_, AppState>) -> Result<ExportedFile, CommandError> {
    let (csv, folder) = with_session(&state, |session| {
        Ok((session.devices_csv(OffsetDateTime::now_utc())?, beside_vault(session.vault_path(), "exports")))
    })?;
    let name = format!("device-register-{}.csv", OffsetDateTime::now_utc().date());
    let path = save_new(&folder, &name, csv.as_bytes())?;
    Ok(ExportedFile { path: path.display().to_string() })
}

fn read_csv(path: &str) -> Result<Vec<u8>, CommandError> {
    let too_large = "That file is larger than 20 MB; a device register should be far smaller";
    read_chosen(path, "path", Some((MAX_CSV_BYTES, too_large)))
}

fn form(r: &DeviceFormRequest) -> DeviceForm<'_> {
    DeviceForm {
        asset_tag: &r.asset_tag,
        kind: &r.kind,
        make: &r.make,
        model: &r.model,
        serial: &r.serial,
        ownership: &r.ownership,
        encryption: &r.encryption,
        encryption_method: &r.encryption_method,
        os_name: &r.os_name,
        os_version: &r.os_version,
        vendor_supported: &r.vendor_supported,
        location: &r.location,
        asset_owner_id: r.asset_owner_id,
        status: &r.status,
        purchase_date: &r.purchase_date,
        notes: &r.notes,
    }
}

/// What someone may do with a device: what core allows for the device, for those who keep the
/// register (anyone may record an incident).
fn device_actions(d: &DeviceRecord, can_manage: bool) -> DeviceActions {
    DeviceActions {
        may_edit: can_manage && d.is_changeable(),
        may_allocate: can_manage && d.is_allocatable(),
        may_return: can_manage && d.is_returnable(),
        may_change_status: can_manage && d.is_changeable(),
        offer_incident: d.offers_incident(),
    }
}

fn device_row(d: &DeviceRecord) -> DeviceRow {
    let f = &d.fields;
    let person = PersonRefView::from;
    DeviceRow {
        id: d.id,
        asset_tag: f.asset_tag.clone(),
        kind: f.kind.as_str().into(),
        removable_media: f.kind.is_removable_media(),
        missing: d.is_missing(),
        make: f.make.clone(),
        model: f.model.clone(),
        serial: f.serial.clone(),
        ownership: f.ownership.as_str().into(),
        encryption: f.encryption.as_str().into(),
        encryption_method: f.encryption_method.clone(),
        os_name: f.os_name.clone(),
        os_version: f.os_version.clone(),
        vendor_supported: f.vendor_supported.as_str().into(),
        location: f.location.clone(),
        asset_owner: d.asset_owner.as_ref().map(person),
        status: f.status.as_str().into(),
        purchase_date: f.purchase_date.map(|d| d.to_string()),
        notes: f.notes.clone(),
        holder: d.holder.as_ref().map(person),
        held_since: d.held_since.map(|d| d.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use custodian_core::{DeviceFields, PersonRef};

    use super::*;

    fn device(status: DeviceStatus, held: bool) -> DeviceRecord {
        let fields = DeviceFields {
            asset_tag: "LT-014".into(),
            kind: DeviceKind::Laptop,
            make: String::new(),
            model: String::new(),
            serial: String::new(),
            ownership: Ownership::Practice,
            encryption: YesNoUnknown::Yes,
            encryption_method: String::new(),
            os_name: String::new(),
            os_version: String::new(),
            vendor_supported: YesNoUnknown::Yes,
            location: String::new(),
            asset_owner_id: None,
            status,
            purchase_date: None,
            notes: String::new(),
        };
        let holder = held.then(|| PersonRef { id: 2, full_name: "Jordan Ellis".into() });
        DeviceRecord { id: 7, fields, asset_owner: None, holder, held_since: None }
    }

    #[test]
    fn a_device_offers_what_core_allows_and_only_keepers_of_the_register_may_change_it() {
        let actions = |status, held, can_manage| device_actions(&device(status, held), can_manage);
        let all = DeviceActions {
            may_edit: true,
            may_allocate: true,
            may_return: true,
            may_change_status: true,
            offer_incident: true,
        };
        assert_eq!(actions(DeviceStatus::InUse, true, true), all);
        assert_eq!(
            actions(DeviceStatus::InUse, true, false),
            DeviceActions {
                may_edit: false,
                may_allocate: false,
                may_return: false,
                may_change_status: false,
                offer_incident: true
            }
        );
        assert_eq!(
            actions(DeviceStatus::Lost, false, true),
            DeviceActions { may_allocate: false, may_return: false, ..all }
        );
        assert_eq!(
            actions(DeviceStatus::Disposed, false, true),
            DeviceActions {
                may_edit: false,
                may_allocate: false,
                may_return: false,
                may_change_status: false,
                offer_incident: false
            }
        );
        assert!(device_row(&device(DeviceStatus::Stolen, false)).missing);
        assert!(!device_row(&device(DeviceStatus::AwaitingDisposal, false)).missing);
    }
}

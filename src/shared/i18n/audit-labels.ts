import type { AuditAction } from '../contract/audit-actions';
import { defineMessages, type Messages } from './define';

type PerAction = Record<AuditAction, string>;

/** `area.verb` codes as nested keys: translation keys use the dot as their separator. */
const nest = (flat: PerAction): Messages => {
  const out: Record<string, Record<string, string>> = {};
  for (const [code, text] of Object.entries(flat)) {
    const [area = '', verb = ''] = code.split('.');
    (out[area] ??= {})[verb] = text;
  }
  return out;
};

const labelsEs: PerAction = {
  'auth.sign_in': 'Inicio de sesión',
  'auth.sign_in_failed': 'Contraseña incorrecta',
  'auth.sign_out': 'Cierre de sesión',
  'auth.account_locked': 'Cuenta bloqueada',
  'auth.session_locked': 'Sesión bloqueada',
  'auth.session_unlocked': 'Sesión desbloqueada',
  'staff.created': 'Alta de personal',
  'staff.disabled': 'Cuenta desactivada',
  'staff.enabled': 'Cuenta reactivada',
  'staff.role_changed': 'Cambio de rol',
  'staff.password_reset': 'Contraseña restablecida',
  'staff.password_changed': 'Contraseña cambiada',
  'settings.changed': 'Ajustes cambiados',
  'audit.viewed': 'Consulta de la auditoría',
  'audit.exported': 'Exportación de la auditoría',
  'audit.printed': 'Impresión de la auditoría',
  'forms.filed': 'Asiento presentado',
  'forms.receipt_printed': 'Justificante impreso',
  'forms.official_number_assigned': 'Número oficial asignado',
  'forms.template_updated': 'Modelo de formulario actualizado',
  'forms.config_changed': 'Configuración de formularios',
  'register.imported': 'Padrón importado',
  'sync.enrolled': 'Inscripción en el servicio central',
  'sync.item_retried': 'Envío reintentado',
  'sync.item_discarded': 'Envío descartado',
  'sync.upload_retried': 'Subida de adjunto reintentada',
  'sync.upload_discarded': 'Subida de adjunto descartada',
  'verification.created': 'Verificación creada',
  'verification.superseded': 'Verificación sustituida',
  'verification.proof_confirmed': 'Prueba confirmada',
  'verification.proof_missed': 'Código equivocado en una publicación',
  'verification.account_resolved': 'Cuenta identificada',
  'verification.revoked': 'Verificación revocada',
  'verification.expired': 'Verificación caducada',
  'verification.expired_document_override': 'Documento caducado aceptado',
  'verification.mismatch_override': 'Discrepancia aceptada',
  'verification.conflict_queued': 'Conflicto de cuenta abierto',
  'verification.conflict_transferred': 'Conflicto: cuenta transferida',
  'verification.conflict_rejected': 'Conflicto: solicitud rechazada',
  'verification.lookup_failed': 'Consulta sin resultado',
  'verification.lookup_matched': 'Consulta en el padrón',
  'verification.lookup_locked': 'Número bloqueado',
  'verification.request_received': 'Solicitud en línea recibida',
  'verification.policy_changed': 'Validez cambiada',
  'privacy.retention_changed': 'Plazos de conservación cambiados',
  'privacy.retention_run': 'Pasada de conservación',
  'privacy.looked_up': 'Consulta de datos de un vecino',
  'privacy.exported': 'Exportación de datos de un vecino',
  'privacy.erased': 'Borrado de datos de un vecino',
  'privacy.central_requested': 'Petición de derechos al servicio central',
  'privacy.central_answered': 'Respuesta del servicio central a una petición de derechos',
};

const labelsEn: PerAction = {
  'auth.sign_in': 'Sign-in',
  'auth.sign_in_failed': 'Wrong password',
  'auth.sign_out': 'Sign-out',
  'auth.account_locked': 'Account locked',
  'auth.session_locked': 'Session locked',
  'auth.session_unlocked': 'Session unlocked',
  'staff.created': 'Staff member added',
  'staff.disabled': 'Account disabled',
  'staff.enabled': 'Account enabled',
  'staff.role_changed': 'Role changed',
  'staff.password_reset': 'Password reset',
  'staff.password_changed': 'Password changed',
  'settings.changed': 'Settings changed',
  'audit.viewed': 'Audit log viewed',
  'audit.exported': 'Audit log exported',
  'audit.printed': 'Audit log printed',
  'forms.filed': 'Registry entry filed',
  'forms.receipt_printed': 'Receipt printed',
  'forms.official_number_assigned': 'Official number assigned',
  'forms.template_updated': 'Form template updated',
  'forms.config_changed': 'Forms configuration',
  'register.imported': 'Register imported',
  'sync.enrolled': 'Enrolled with central',
  'sync.item_retried': 'Sending retried',
  'sync.item_discarded': 'Sending discarded',
  'sync.upload_retried': 'Attachment upload retried',
  'sync.upload_discarded': 'Attachment upload discarded',
  'verification.created': 'Verification created',
  'verification.superseded': 'Verification superseded',
  'verification.proof_confirmed': 'Proof confirmed',
  'verification.proof_missed': 'Wrong code in a post',
  'verification.account_resolved': 'Account identified',
  'verification.revoked': 'Verification revoked',
  'verification.expired': 'Verification expired',
  'verification.expired_document_override': 'Expired document accepted',
  'verification.mismatch_override': 'Mismatch accepted',
  'verification.conflict_queued': 'Account conflict opened',
  'verification.conflict_transferred': 'Conflict: account transferred',
  'verification.conflict_rejected': 'Conflict: claim rejected',
  'verification.lookup_failed': 'Lookup without result',
  'verification.lookup_matched': 'Register lookup',
  'verification.lookup_locked': 'Number locked',
  'verification.request_received': 'Online request received',
  'verification.policy_changed': 'Validity changed',
  'privacy.retention_changed': 'Retention periods changed',
  'privacy.retention_run': 'Retention run',
  'privacy.looked_up': "A resident's data looked up",
  'privacy.exported': "A resident's data exported",
  'privacy.erased': "A resident's data erased",
  'privacy.central_requested': 'Data-subject request sent to central',
  'privacy.central_answered': "Central's answer to a data-subject request",
};

const detailsEs: PerAction = {
  'auth.sign_in': 'Ha entrado en la aplicación.',
  'auth.sign_in_failed': 'Contraseña incorrecta (intentos seguidos: {{attempts}}).',
  'auth.sign_out': 'Ha salido de la aplicación.',
  'auth.account_locked': 'Cuenta bloqueada tras {{attempts}} intentos fallidos.',
  'auth.session_locked': 'Pantalla bloqueada.',
  'auth.session_unlocked': 'Pantalla desbloqueada con su contraseña.',
  'staff.created': 'Nueva cuenta con el rol «{{role}}».',
  'staff.disabled': 'La cuenta ya no puede entrar.',
  'staff.enabled': 'La cuenta puede volver a entrar.',
  'staff.role_changed': 'Rol cambiado de «{{from}}» a «{{to}}».',
  'staff.password_reset': 'Un administrador ha puesto una contraseña nueva.',
  'staff.password_changed': 'La persona ha cambiado su contraseña.',
  'settings.changed': 'Cambios: {{changes}}.',
  'audit.viewed': 'Ha consultado el registro ({{filters}}).',
  'audit.exported': 'Ha exportado el registro a {{format}} ({{filters}}).',
  'audit.printed': 'Ha impreso el registro ({{filters}}).',
  'forms.filed': 'Asiento presentado con el modelo «{{template}}»; adjuntos: {{attachments}}.',
  'forms.receipt_printed':
    'Justificante impreso ({{format}}); número oficial: {{official_number}}.',
  'forms.official_number_assigned':
    'El servicio central ha asignado el número {{official_number}}.',
  'forms.template_updated': 'El modelo pasa a la versión {{version}}.',
  'forms.config_changed':
    'Destinatarios: {{addressees}}; conservación de adjuntos: {{attachmentRetentionDays}} días.',
  'register.imported':
    'Nuevos: {{imported}}, actualizados: {{updated}}, sin cambios: {{unchanged}}, rechazados: {{rejected}}, bajas: {{deregistered}}.',
  'sync.enrolled': 'Equipo inscrito como «{{name}}» en {{central}}.',
  'sync.item_retried': 'Se vuelve a enviar {{kind}} {{entity_id}}.',
  'sync.item_discarded': 'Se descarta el envío de {{kind}} {{entity_id}}. Motivo: {{reason}}.',
  'sync.upload_retried': 'Se vuelve a subir el adjunto {{filename}} (antes: {{error}}).',
  'sync.upload_discarded':
    'No se sube el adjunto {{filename}}; queda en este mostrador. Motivo: {{reason}}.',
  'verification.created':
    'Cuenta {{handle}} en {{network}} verificada para el vecino {{residentId}} (prueba: {{proof}}; documento {{documentMasked}}).',
  'verification.superseded': 'La verificación de {{handle}} en {{network}} queda sustituida.',
  'verification.proof_confirmed': 'Prueba confirmada para {{handle}} en {{network}}.',
  'verification.proof_missed':
    'Una publicación de {{handle}} en {{network}} trae un código que no es el de esta verificación (intento {{misses}}).',
  'verification.account_resolved': 'La cuenta {{handle}} en {{network}} es {{userId}}.',
  'verification.revoked':
    'Verificación de {{handle}} en {{network}} revocada. Motivo: {{ground}}. {{reason}}',
  'verification.expired': 'La verificación de {{handle}} en {{network}} ha caducado.',
  'verification.expired_document_override':
    'Documento caducado el {{expiry}} aceptado por {{manager}}. Motivo: {{reason}}',
  'verification.mismatch_override':
    'Discrepancia con el padrón aceptada por {{manager}} para el vecino {{residentId}}. Motivo: {{reason}}',
  'verification.conflict_queued':
    '{{handle}} en {{network}} ya está verificada para otra persona: queda pendiente de un responsable.',
  'verification.conflict_transferred':
    '{{handle}} en {{network}} pasa a quien la reclamaba. Motivo: {{reason}}',
  'verification.conflict_rejected':
    'Se rechaza la reclamación de {{handle}} en {{network}}. Motivo: {{reason}}',
  'verification.lookup_failed': 'El documento consultado no dio resultado: {{reason}}.',
  'verification.lookup_matched': 'Documento consultado en el padrón; candidatos: {{candidates}}.',
  'verification.lookup_locked':
    'Número bloqueado {{seconds}} s tras {{failures}} consultas sin resultado.',
  'verification.request_received': 'Solicitud en línea de {{handle}} en {{network}}.',
  'verification.policy_changed': 'Cambios: {{changes}}.',
  'privacy.retention_changed': 'Cambios: {{changes}}.',
  'privacy.retention_run': 'Se han aplicado los plazos de conservación.',
  'privacy.looked_up': 'Ha consultado en pantalla lo que se conserva del vecino.',
  'privacy.exported': 'Ha exportado los datos del vecino ({{format}}).',
  'privacy.erased': 'Ha borrado los datos del vecino que la ley permite borrar.',
  'privacy.central_requested': 'Ha pedido al servicio central su parte ({{kind}}).',
  'privacy.central_answered': 'El servicio central ha respondido a la petición {{request_id}}.',
};

const detailsEn: PerAction = {
  'auth.sign_in': 'Signed in to the app.',
  'auth.sign_in_failed': 'Wrong password (attempts in a row: {{attempts}}).',
  'auth.sign_out': 'Signed out of the app.',
  'auth.account_locked': 'Account locked after {{attempts}} failed attempts.',
  'auth.session_locked': 'Screen locked.',
  'auth.session_unlocked': 'Screen unlocked with their password.',
  'staff.created': 'New account with the role "{{role}}".',
  'staff.disabled': 'The account can no longer sign in.',
  'staff.enabled': 'The account can sign in again.',
  'staff.role_changed': 'Role changed from "{{from}}" to "{{to}}".',
  'staff.password_reset': 'An administrator set a new password.',
  'staff.password_changed': 'The person changed their password.',
  'settings.changed': 'Changes: {{changes}}.',
  'audit.viewed': 'Viewed the log ({{filters}}).',
  'audit.exported': 'Exported the log to {{format}} ({{filters}}).',
  'audit.printed': 'Printed the log ({{filters}}).',
  'forms.filed': 'Entry filed with the template "{{template}}"; attachments: {{attachments}}.',
  'forms.receipt_printed': 'Receipt printed ({{format}}); official number: {{official_number}}.',
  'forms.official_number_assigned': 'Central assigned the number {{official_number}}.',
  'forms.template_updated': 'The template is now version {{version}}.',
  'forms.config_changed':
    'Addressees: {{addressees}}; attachments kept for {{attachmentRetentionDays}} days.',
  'register.imported':
    'New: {{imported}}, updated: {{updated}}, unchanged: {{unchanged}}, rejected: {{rejected}}, deregistered: {{deregistered}}.',
  'sync.enrolled': 'Counter enrolled as "{{name}}" at {{central}}.',
  'sync.item_retried': 'Sending {{kind}} {{entity_id}} again.',
  'sync.item_discarded': 'Sending of {{kind}} {{entity_id}} discarded. Reason: {{reason}}.',
  'sync.upload_retried': 'Uploading attachment {{filename}} again (was: {{error}}).',
  'sync.upload_discarded':
    'Attachment {{filename}} will not be uploaded; it stays on this counter. Reason: {{reason}}.',
  'verification.created':
    'Account {{handle}} on {{network}} verified for resident {{residentId}} (proof: {{proof}}; document {{documentMasked}}).',
  'verification.superseded': 'The verification of {{handle}} on {{network}} is superseded.',
  'verification.proof_confirmed': 'Proof confirmed for {{handle}} on {{network}}.',
  'verification.proof_missed':
    'A post by {{handle}} on {{network}} carries a code that is not this verification’s (attempt {{misses}}).',
  'verification.account_resolved': 'The account {{handle}} on {{network}} is {{userId}}.',
  'verification.revoked':
    'Verification of {{handle}} on {{network}} revoked. Ground: {{ground}}. {{reason}}',
  'verification.expired': 'The verification of {{handle}} on {{network}} expired.',
  'verification.expired_document_override':
    'Document expired on {{expiry}} accepted by {{manager}}. Reason: {{reason}}',
  'verification.mismatch_override':
    'Mismatch with the register accepted by {{manager}} for resident {{residentId}}. Reason: {{reason}}',
  'verification.conflict_queued':
    '{{handle}} on {{network}} is already verified for someone else: waiting for a manager.',
  'verification.conflict_transferred':
    '{{handle}} on {{network}} goes to the claimant. Reason: {{reason}}',
  'verification.conflict_rejected':
    'The claim to {{handle}} on {{network}} is rejected. Reason: {{reason}}',
  'verification.lookup_failed': 'The document looked up gave no result: {{reason}}.',
  'verification.lookup_matched': 'Document looked up in the register; candidates: {{candidates}}.',
  'verification.lookup_locked':
    'Number locked for {{seconds}} s after {{failures}} lookups without result.',
  'verification.request_received': 'Online request for {{handle}} on {{network}}.',
  'verification.policy_changed': 'Changes: {{changes}}.',
  'privacy.retention_changed': 'Changes: {{changes}}.',
  'privacy.retention_run': 'The retention periods were applied.',
  'privacy.looked_up': 'Looked up on screen what is held about the resident.',
  'privacy.exported': "Exported the resident's data ({{format}}).",
  'privacy.erased': "Erased the resident's data the law allows to erase.",
  'privacy.central_requested': 'Asked the central service for its part ({{kind}}).',
  'privacy.central_answered': 'The central service answered request {{request_id}}.',
};

/** Audit actions, roles and values in words, for the screen, the PDF and the CSV. */
export const auditLabelMessages = defineMessages(
  {
    auditText: {
      labels: nest(labelsEs),
      details: nest(detailsEs),
      roles: {
        clerk: 'Personal de ventanilla',
        manager: 'Responsable',
        admin: 'Administración',
        system: 'Sistema',
        central: 'Servicio central',
      },
      values: {
        none: 'ninguno',
        noFilters: 'sin filtros',
        lookupReasons: {
          not_in_register: 'no está en el padrón',
          candidates_rejected: 'el funcionario descartó a los candidatos',
        },
        grounds: { resident_request: 'a petición del vecino', decision: 'decisión municipal' },
        proofs: {
          seen_on_device: 'vista en el dispositivo',
          challenge_code: 'código de comprobación',
        },
        filterNames: {
          from: 'desde',
          to: 'hasta',
          staff: 'personal',
          action: 'acción',
          subject: 'asunto',
        },
        change: '{{field}}: de {{from}} a {{to}}',
      },
      subjects: {
        resident: 'Vecino {{id}}',
        verification: 'Verificación {{id}}',
        registry: 'Asiento {{id}}',
        staff: 'Personal {{id}}',
        document: 'Documento {{id}}',
        conflict: 'Conflicto {{id}}',
        request: 'Solicitud {{id}}',
        register: 'Padrón: archivo {{id}}',
        template: 'Modelo {{id}}',
      },
    },
  },
  {
    auditText: {
      labels: nest(labelsEn),
      details: nest(detailsEn),
      roles: {
        clerk: 'Counter clerk',
        manager: 'Manager',
        admin: 'Administrator',
        system: 'System',
        central: 'Central service',
      },
      values: {
        none: 'none',
        noFilters: 'no filters',
        lookupReasons: {
          not_in_register: 'not in the register',
          candidates_rejected: 'the clerk rejected the candidates',
        },
        grounds: { resident_request: "at the resident's request", decision: 'council decision' },
        proofs: { seen_on_device: 'seen on the device', challenge_code: 'challenge code' },
        filterNames: {
          from: 'from',
          to: 'to',
          staff: 'staff',
          action: 'action',
          subject: 'subject',
        },
        change: '{{field}}: from {{from}} to {{to}}',
      },
      subjects: {
        resident: 'Resident {{id}}',
        verification: 'Verification {{id}}',
        registry: 'Entry {{id}}',
        staff: 'Staff {{id}}',
        document: 'Document {{id}}',
        conflict: 'Conflict {{id}}',
        request: 'Request {{id}}',
        register: 'Register: file {{id}}',
        template: 'Template {{id}}',
      },
    },
  },
);

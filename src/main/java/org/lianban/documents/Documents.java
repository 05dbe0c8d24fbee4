package org.lianban.documents;

import java.util.List;

import org.lianban.identity.CurrentUser;

/**
 * Signed PDF notices, decisions and electronic certificates of cases (文书与电子证照). Documents are generated from case
 * events; this is the read side plus revocation.
 */
public interface Documents {

    /** Documents of a case the user may see, oldest first; 404 when the case is unknown or not visible. */
    List<CaseDocument> forCase(String caseNumber, CurrentUser user);

    /** The signed PDF; 404 when unknown or the user may not see the case. */
    DocumentFile download(long id, CurrentUser user);

    /** Public verification by the code printed (and QR-encoded) on a certificate; 404 for an unknown code. */
    CertificateVerification verify(String code);

    /**
     * Revokes a certificate (吊销/撤销). Only an approver of the authority that issued it (the case's deciding region);
     * 404 unknown, 403 not that approver, 400 no reason, 409 already revoked.
     */
    CertificateVerification revoke(String certificateNumber, String reason, CurrentUser user);
}

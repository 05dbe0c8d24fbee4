package org.lianban.documents.internal;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks that a PDF carries exactly one signature, that it covers the whole file (nothing appended after signing),
 * and that it verifies with the expected authority's certificate; a valid signature by any other key is rejected.
 */
public final class SignatureVerifier {

    public SignatureVerifier() {
        Bc.provider();
    }

    /** True if the PDF is signed by {@code trusted} and unchanged since. Never throws for a damaged file. */
    public boolean verify(byte[] pdf, X509Certificate trusted) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignature> sigs = doc.getSignatureDictionaries();
            if (sigs.size() != 1) {
                return false;
            }
            PDSignature sig = sigs.getFirst();
            int[] range = sig.getByteRange();
            if (range == null || range.length != 4 || range[0] != 0 || (long) range[2] + range[3] != pdf.length) {
                return false;
            }
            // /Contents is zero-padded; BouncyCastle rejects the padding, so read exactly one DER object
            byte[] der;
            try (ASN1InputStream in = new ASN1InputStream(sig.getContents(pdf))) {
                der = in.readObject().getEncoded();
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(sig.getSignedContent(pdf)), der);
            var signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return false;
            }
            SignerInformation signer = signers.iterator().next();
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Bc.NAME).build(trusted));
        } catch (IOException | CMSException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }
}

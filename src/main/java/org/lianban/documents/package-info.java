/** Signed PDF notices, decisions and electronic certificates; QR verification; file storage. */
package org.lianban.documents;

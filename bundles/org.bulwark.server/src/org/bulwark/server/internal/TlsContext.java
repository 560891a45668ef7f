package org.bulwark.server.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import org.bulwark.server.api.FleetServer;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;

/**
 * The server's TLS: a keystore (PKCS12 or JKS, detected from its content) whose private key and certificate chain
 * the JDK's HTTPS server presents, with TLS 1.3 and 1.2 only. Every failure names the keystore file.
 */
final class TlsContext {

    /** The protocols offered, newest first; older ones are never enabled. */
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private TlsContext() {
    }

    /** @return an SSL context with the keystore's key, or an {@link IOException} naming the file and the problem */
    static SSLContext context(FleetServer.Tls tls) throws IOException {
        Path file = tls.keystore();
        if (file == null) {
            throw new IOException("TLS: no keystore file given");
        }
        if (!Files.exists(file)) {
            throw new IOException("TLS keystore " + file + " does not exist");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IOException("TLS keystore " + file + " is not a readable file");
        }
        char[] password = tls.password() == null ? new char[0] : tls.password();
        KeyStore store;
        try {
            store = KeyStore.getInstance(file.toFile(), password);
        } catch (IOException e) {
            boolean wrongPassword = e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("password");
            throw new IOException("TLS keystore " + file + (wrongPassword ? ": wrong password"
                    : " cannot be read: " + e.getMessage()), e);
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS keystore " + file + " is not a PKCS12 or JKS keystore (" + e.getMessage()
                    + ")", e);
        }
        try {
            List<String> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keys.add(alias);
                }
            }
            if (keys.isEmpty()) {
                throw new IOException("TLS keystore " + file + " holds no private key (it needs a key and its "
                        + "certificate, e.g. from keytool -genkeypair)");
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (UnrecoverableKeyException e) {
            throw new IOException("TLS keystore " + file + ": the private key does not open with the keystore's "
                    + "password (key and keystore need the same password)", e);
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS keystore " + file + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** @return a configurator that offers only {@link #PROTOCOLS} */
    static HttpsConfigurator configurator(SSLContext context) {
        return new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = context.getDefaultSSLParameters();
                List<String> supported = List.of(context.getSupportedSSLParameters().getProtocols());
                p.setProtocols(PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new));
                params.setSSLParameters(p);
            }
        };
    }
}

package org.hotlinehub.model.port;

/**
 * Fetches a file a contact brought only as a URL at its channel's provider (a voicemail recording, an MMS picture),
 * with the hub's credentials for that provider, so the hub can keep it and serve it itself. Like an outbox sender it
 * only fetches and says how it went; the job that calls it retries with backoff and gives up. Implemented by the
 * channel's connector.
 */
public interface MediaSource {

    /** What one try came to. */
    record Fetched(Kind kind, byte[] data, String contentType, String detail) {

        public enum Kind {
            /** The file: keep it. */
            STORED,
            /** A passing failure (not there yet, provider away): worth another try. */
            RETRY,
            /** It can never be fetched: final at once. */
            FAILED,
            /** Not this provider's file (a URL elsewhere): left as a link, nothing to fetch. */
            NOT_OURS
        }

        public static Fetched stored(byte[] data, String contentType) {
            return new Fetched(Kind.STORED, data, contentType, null);
        }

        public static Fetched retry(String detail) {
            return new Fetched(Kind.RETRY, null, null, detail);
        }

        public static Fetched failed(String detail) {
            return new Fetched(Kind.FAILED, null, null, detail);
        }

        public static Fetched notOurs() {
            return new Fetched(Kind.NOT_OURS, null, null, null);
        }
    }

    Fetched fetch(String url);
}

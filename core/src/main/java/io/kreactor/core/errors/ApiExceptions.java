package io.kreactor.core.errors;

import io.kreactor.core.api.Status;

/**
 * Classifies a failed response the way client-go's {@code ReasonForError} does: the Status {@code reason}
 * decides when it is one Kubernetes defines; otherwise the HTTP code does; otherwise a plain
 * {@link ApiException}.
 */
final class ApiExceptions {

    private ApiExceptions() {
    }

    static ApiException create(Status status, int code, String verb, String url) {
        String reason = status.reason() == null ? "" : status.reason();
        ApiException byReason = switch (reason) {
            case "BadRequest" -> new BadRequestException(status, code, verb, url);
            case "Unauthorized" -> new UnauthorizedException(status, code, verb, url);
            case "Forbidden" -> new ForbiddenException(status, code, verb, url);
            case "NotFound" -> new NotFoundException(status, code, verb, url);
            case "MethodNotAllowed" -> new MethodNotAllowedException(status, code, verb, url);
            case "NotAcceptable" -> new NotAcceptableException(status, code, verb, url);
            case "AlreadyExists" -> new AlreadyExistsException(status, code, verb, url);
            case "Conflict" -> new ConflictException(status, code, verb, url);
            case "Gone", "Expired" -> new GoneException(status, code, verb, url);
            case "RequestEntityTooLarge" -> new RequestEntityTooLargeException(status, code, verb, url);
            case "UnsupportedMediaType" -> new UnsupportedMediaTypeException(status, code, verb, url);
            case "Invalid" -> new InvalidException(status, code, verb, url);
            case "TooManyRequests" -> new TooManyRequestsException(status, code, verb, url);
            case "ServerTimeout" -> new ServerTimeoutException(status, code, verb, url);
            case "Timeout" -> new ApiTimeoutException(status, code, verb, url);
            case "InternalError" -> new InternalErrorException(status, code, verb, url);
            case "ServiceUnavailable" -> new ServiceUnavailableException(status, code, verb, url);
            default -> null;
        };
        if (byReason != null) {
            return byReason;
        }
        return switch (code) {
            case 400 -> new BadRequestException(status, code, verb, url);
            case 401 -> new UnauthorizedException(status, code, verb, url);
            case 403 -> new ForbiddenException(status, code, verb, url);
            case 404 -> new NotFoundException(status, code, verb, url);
            case 405 -> new MethodNotAllowedException(status, code, verb, url);
            case 406 -> new NotAcceptableException(status, code, verb, url);
            case 409 -> new ConflictException(status, code, verb, url);
            case 410 -> new GoneException(status, code, verb, url);
            case 413 -> new RequestEntityTooLargeException(status, code, verb, url);
            case 415 -> new UnsupportedMediaTypeException(status, code, verb, url);
            case 422 -> new InvalidException(status, code, verb, url);
            case 429 -> new TooManyRequestsException(status, code, verb, url);
            case 500 -> new InternalErrorException(status, code, verb, url);
            case 503 -> new ServiceUnavailableException(status, code, verb, url);
            case 504 -> new ApiTimeoutException(status, code, verb, url);
            default -> new ApiException(status, code, verb, url);
        };
    }
}

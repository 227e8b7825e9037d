import type { UserView } from '../../shared/schemas';
import type { UserRow } from '../store/types';

export function toUserView(user: UserRow): UserView {
  return { id: user.id, email: user.email, ...(user.name ? { name: user.name } : {}), role: user.role };
}
